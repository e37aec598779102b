import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../../test/fetch-stub';
import { aMember, anImage, errorResponse } from '../../../../test/fixtures';
import { renderRoute } from '../../../../test/render-route';
import { stubFileUploads } from '../../../../test/xhr-stub';

const member = aMember({ bio: 'Old bio', location: { country: 'FR', city: 'Paris' } });

describe('ProfileSettings', () => {
  it('sends only what changed and says it is saved', async () => {
    const fetchMock = stubFetch(async (request) =>
      Response.json({ ...member, ...((await request.clone().json()) as object) }),
    );
    const { user } = renderRoute('/settings', { me: member });

    const city = await screen.findByLabelText('Town or city');
    expect(screen.getByLabelText('Country')).toHaveValue('FR');
    await user.clear(city);
    await user.type(city, 'Lyon');
    await user.clear(screen.getByLabelText(/Bio/));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toEqual(['PATCH /api/v1/me']);
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({
      bio: null,
      location: { country: 'FR', city: 'Lyon' },
    });
  });

  it('clears the location when the country is set to not shown', async () => {
    const fetchMock = stubFetch(() => Response.json({ ...member, location: null }));
    const { user } = renderRoute('/settings', { me: member });

    await user.selectOptions(await screen.findByLabelText('Country'), 'Not shown');
    await user.clear(screen.getByLabelText('Town or city'));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({ location: null });
  });

  it('asks for a city when a country is chosen', async () => {
    const fetchMock = stubFetch(() => Response.json(member));
    const { user } = renderRoute('/settings', { me: aMember() });

    await user.selectOptions(await screen.findByLabelText('Country'), 'Germany');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByLabelText('Town or city')).toHaveAccessibleDescription(
      'Enter your town or city, or set the country to “Not shown”.',
    );
    expect(requestedCalls(fetchMock)).toEqual([]);
  });

  it('puts a nested server error on its field', async () => {
    const message = 'Use a two-letter ISO country code, such as FR or GB.';
    stubFetch(() =>
      errorResponse(422, 'validation_failed', 'Some fields are not valid.', {
        fields: [{ field: 'location.country', message }],
      }),
    );
    const { user } = renderRoute('/settings', { me: member });

    const city = await screen.findByLabelText('Town or city');
    await user.type(city, 'x');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText(message)).toBeVisible();
    expect(screen.getByLabelText('Country')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('AvatarSettings', () => {
  it('uploads a photo as an avatar, then sets it on the profile', async () => {
    const sent = stubFileUploads();
    const fetchMock = stubFetch(async (request) => {
      switch (new URL(request.url).pathname) {
        case '/api/v1/uploads':
          return Response.json(
            {
              id: 'av1',
              upload_url: 'https://bucket.example.com/uploads/av1?X-Amz-Signature=s',
              method: 'PUT',
              headers: { 'Content-Type': 'image/png' },
              expires_at: '2026-11-24T10:00:00Z',
            },
            { status: 201 },
          );
        case '/api/v1/uploads/av1/complete':
          return Response.json(anImage('av1'));
        default:
          return Response.json({
            ...member,
            avatar: anImage('av1'),
            ...((await request.clone().json()) as object),
          });
      }
    });
    const { user } = renderRoute('/settings', { me: member });

    await screen.findByRole('button', { name: 'Upload a photo' });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    await user.upload(input, new File(['png'], 'me.png', { type: 'image/png' }));

    expect(await screen.findByText('Your new photo is saved.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change photo' })).toBeVisible();
    expect(requestedCalls(fetchMock)).toEqual([
      'POST /api/v1/uploads',
      'POST /api/v1/uploads/av1/complete',
      'PATCH /api/v1/me',
    ]);
    const [upload, , patch] = fetchMock.mock.calls.map(([request]) => request as Request);
    expect(await upload?.json()).toEqual({
      content_type: 'image/png',
      size_bytes: 3,
      purpose: 'avatar',
    });
    expect(await patch?.json()).toEqual({ avatar_image_id: 'av1' });
    // Storage on another origin gets the ticket's headers only: no cookies, no CSRF token.
    expect(sent).toEqual([
      expect.objectContaining({
        url: 'https://bucket.example.com/uploads/av1?X-Amz-Signature=s',
        headers: { 'Content-Type': 'image/png' },
        withCredentials: false,
      }),
    ]);
  });

  it('says why a photo was refused', async () => {
    stubFileUploads();
    stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/uploads'
        ? Response.json(
            {
              id: 'av2',
              upload_url: '/api/v1/storage/uploads/av2',
              method: 'PUT',
              headers: {},
              expires_at: 'x',
            },
            { status: 201 },
          )
        : Response.json(
            anImage('av2', {
              status: 'failed',
              failure_reason: 'This file is not an image we can read (JPEG, PNG, WebP or HEIC).',
              variants: {},
            }),
          ),
    );
    const { user } = renderRoute('/settings', { me: member });

    await screen.findByRole('button', { name: 'Upload a photo' });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    await user.upload(input, new File(['nope'], 'me.jpg', { type: 'image/jpeg' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file is not an image we can read (JPEG, PNG, WebP or HEIC).',
    );
  });
});
