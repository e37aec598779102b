import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedPaths, stubFetch } from '../test/fetch-stub';
import { renderRoute } from '../test/render-route';

const allOk = {
  status: 'ok',
  version: '0.1.0+abc123',
  checks: {
    database: { ok: true, latency_ms: 3.27, error: null },
    redis: { ok: true, latency_ms: 0.4, error: null },
    broker: { ok: true, latency_ms: 12.6, error: null },
  },
};

const brokerDown = {
  status: 'unavailable',
  version: '0.1.0+abc123',
  checks: {
    database: { ok: true, latency_ms: 2, error: null },
    redis: { ok: true, latency_ms: 1, error: null },
    broker: { ok: false, latency_ms: 2000, error: 'timed out after 2.0 s' },
  },
};

function row(name: string) {
  return within(screen.getByRole('listitem', { name: new RegExp(name) }));
}

describe('StatusPage', () => {
  it('shows every dependency as OK when /readyz answers 200', async () => {
    const fetchMock = stubFetch(() => Response.json(allOk));
    renderRoute('/status');

    expect(await screen.findByText('All systems operational')).toBeInTheDocument();
    expect(requestedPaths(fetchMock)).toEqual(['/readyz']);
    expect(row('database').getByText('OK')).toBeInTheDocument();
    expect(row('database').getByText('3.3 ms')).toBeInTheDocument();
    expect(row('redis').getByText('<1 ms')).toBeInTheDocument();
    expect(row('broker').getByText('13 ms')).toBeInTheDocument();
    expect(screen.queryByText('Down')).not.toBeInTheDocument();
    expect(screen.getByText('0.1.0+abc123')).toBeInTheDocument();
    expect(screen.getByText('Last checked')).toBeInTheDocument();
  });

  it('treats a 503 as data and shows what is down', async () => {
    stubFetch(() => Response.json(brokerDown, { status: 503 }));
    renderRoute('/status');

    expect(await screen.findByText('Some systems are down')).toBeInTheDocument();
    expect(screen.getByText(/1 of 3 dependencies did not answer/)).toBeInTheDocument();
    expect(row('broker').getByText('Down')).toBeInTheDocument();
    expect(row('broker').getByText('timed out after 2.0 s')).toBeInTheDocument();
    expect(row('database').getByText('OK')).toBeInTheDocument();
  });

  it('says the API is unreachable when the request fails', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    renderRoute('/status');

    expect(await screen.findByText('We could not reach the Reloop API')).toBeInTheDocument();
  });

  it('shows the envelope message and request id of an unexpected error', async () => {
    const envelope = {
      error: { code: 'internal', message: 'Something broke.', details: null, request_id: 'req-9' },
    };
    stubFetch(() => Response.json(envelope, { status: 500 }));
    renderRoute('/status');

    expect(await screen.findByText('Something broke.')).toBeInTheDocument();
    expect(screen.getByText('Reference: req-9')).toBeInTheDocument();
  });

  it('checks again when Refresh is pressed', async () => {
    let answer: object = allOk;
    let status = 200;
    const fetchMock = stubFetch(() => Response.json(answer, { status }));
    const { user } = renderRoute('/status');
    expect(await screen.findByText('All systems operational')).toBeInTheDocument();

    answer = brokerDown;
    status = 503;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByText('Some systems are down')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
