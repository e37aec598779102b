import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../../test/fetch-stub';
import { aMember, errorResponse } from '../../../../test/fixtures';
import { renderRoute } from '../../../../test/render-route';

const wrongPassword = (field: string) =>
  errorResponse(422, 'wrong_password', 'The current password is not correct.', {
    fields: [{ field, message: 'The current password is not correct.' }],
  });

describe('EmailSettings', () => {
  it('shows the address and whether it is verified', async () => {
    renderRoute('/settings/email', { me: aMember({ email_verified: false }) });

    expect(await screen.findByText('ada@example.com')).toBeInTheDocument();
    expect(screen.getByText('Not verified')).toBeInTheDocument();
  });

  it('sends a confirmation link to the new address', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 202 }));
    const { user } = renderRoute('/settings/email', { me: aMember() });

    await user.type(await screen.findByLabelText('New email'), 'ada@new.example');
    await user.type(screen.getByLabelText('Your password'), 'analytical engine');
    await user.click(screen.getByRole('button', { name: 'Send confirmation link' }));

    expect(
      await screen.findByText(/We sent a confirmation link to ada@new.example/),
    ).toBeInTheDocument();
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(requestedCalls(fetchMock)).toEqual(['POST /api/v1/me/email']);
    expect(await (request as Request).json()).toEqual({
      new_email: 'ada@new.example',
      password: 'analytical engine',
    });
  });
});

describe('PasswordSettings', () => {
  it('puts a wrong current password on its field', async () => {
    stubFetch(() => wrongPassword('current_password'));
    const { user } = renderRoute('/settings/password', { me: aMember() });

    await user.type(await screen.findByLabelText('Current password'), 'not it at all');
    await user.type(screen.getByLabelText('New password'), 'a much better one');
    await user.type(screen.getByLabelText('Confirm the new password'), 'a much better one');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByLabelText('Current password')).toHaveAccessibleDescription(
      'The current password is not correct.',
    );
  });

  it('says the password changed and other devices are signed out', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    const { user } = renderRoute('/settings/password', { me: aMember() });

    await user.type(await screen.findByLabelText('Current password'), 'analytical engine');
    await user.type(screen.getByLabelText('New password'), 'a much better one');
    await user.type(screen.getByLabelText('Confirm the new password'), 'a much better one');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText(/Your password is changed/)).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });
});

describe('DeleteAccountSettings', () => {
  it('needs DELETE typed out before asking the server', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));
    const { user } = renderRoute('/settings/delete-account', { me: aMember() });

    await user.type(await screen.findByLabelText('Your password'), 'analytical engine');
    await user.type(screen.getByLabelText('Type DELETE to confirm'), 'delete');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));

    expect(await screen.findByText('Type DELETE, in capitals.')).toBeVisible();
    expect(requestedCalls(fetchMock)).toEqual([]);
  });

  it('puts a wrong password on its field', async () => {
    stubFetch(() => wrongPassword('password'));
    const { user } = renderRoute('/settings/delete-account', { me: aMember() });

    await user.type(await screen.findByLabelText('Your password'), 'not it at all');
    await user.type(screen.getByLabelText('Type DELETE to confirm'), 'DELETE');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));

    expect(await screen.findByLabelText('Your password')).toHaveAccessibleDescription(
      'The current password is not correct.',
    );
  });

  it('deletes the account and goes home as a visitor', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));
    const { router, user } = renderRoute('/settings/delete-account', { me: aMember() });

    await user.type(await screen.findByLabelText('Your password'), 'analytical engine');
    await user.type(screen.getByLabelText('Type DELETE to confirm'), 'DELETE');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));

    expect(await screen.findByText(/Your account is deleted./)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({
      password: 'analytical engine',
      confirm: 'DELETE',
    });
  });
});
