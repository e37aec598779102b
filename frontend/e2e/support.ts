import {
  type APIRequestContext,
  expect,
  type Page,
  type PlaywrightWorkerArgs,
} from '@playwright/test';

interface OutboxMessage {
  to_address: string;
  subject: string;
  text_body: string;
}

/** A fresh identity per test and run, so runs never collide on email or username. */
export function newIdentity(label: string) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    email: `${label}-${tag}@example.com`,
    username: `${label}_${tag}`,
    password: 'a quiet walk by the river',
  };
}

/**
 * The path and query of the newest link to `path` emailed to `to`, from the development
 * mailbox. The worker sends mail after the request commits, so it is polled briefly.
 */
export async function emailedLink(
  request: APIRequestContext,
  to: string,
  path: string,
): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"]+${path}\\?token=[\\w-]+`);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get('/dev/mail/messages', { params: { to } });
        const { items } = (await response.json()) as { items: OutboxMessage[] };
        link = items.map((message) => pattern.exec(message.text_body)?.[0]).find(Boolean);
        return link;
      },
      { message: `an email to ${to} with a ${path} link`, timeout: 15_000 },
    )
    .toBeTruthy();
  const url = new URL(link ?? '');
  return url.pathname + url.search;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

interface Photo {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * A small JPEG of one colour, drawn on a canvas in the page: distinct photos without
 * binary fixtures, and a colour that the server's dominant colour can be checked against.
 */
export async function drawPhoto(
  page: Page,
  name: string,
  color: string,
  width: number,
  height: number,
) {
  const base64 = await page.evaluate(
    ({ color, width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.fillStyle = color;
      context.fillRect(0, 0, width, height);
      context.fillStyle = 'rgba(255, 255, 255, 0.5)';
      context.fillRect(width / 4, height / 4, width / 8, height / 8);
      return canvas.toDataURL('image/jpeg', 0.85).split(',')[1] ?? '';
    },
    { color, width, height },
  );
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') } satisfies Photo;
}

/**
 * A member with a confirmed email, signed in for API calls with a bearer token: for
 * setting up listings quickly where the journey under test is someone else's.
 */
export async function confirmedApiMember(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  label: string,
): Promise<APIRequestContext> {
  const anonymous = await playwright.request.newContext({ baseURL });
  const { email, username, password } = newIdentity(label);
  const created = await anonymous.post('/api/v1/auth/register', {
    data: { email, username, password },
  });
  expect(created.status()).toBe(201);
  const link = await emailedLink(anonymous, email, '/verify-email');
  const token = new URL(link, baseURL).searchParams.get('token');
  expect((await anonymous.post('/api/v1/auth/verify-email', { data: { token } })).ok()).toBe(true);
  const login = await anonymous.post('/api/v1/auth/login', {
    data: { email, password, transport: 'bearer' },
  });
  expect(login.ok()).toBe(true);
  const { access_token } = (await login.json()) as { access_token: string };
  await anonymous.dispose();
  return playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${access_token}` },
  });
}

interface UploadTicket {
  id: string;
  upload_url: string;
  headers: Record<string, string>;
}

/** Uploads a photo through the API and waits until its variants are made; returns its id. */
export async function uploadPhotoViaApi(api: APIRequestContext, photo: Photo): Promise<string> {
  const ticketResponse = await api.post('/api/v1/uploads', {
    data: { content_type: photo.mimeType, size_bytes: photo.buffer.length, purpose: 'item' },
  });
  expect(ticketResponse.status()).toBe(201);
  const ticket = (await ticketResponse.json()) as UploadTicket;
  const put = await api.put(ticket.upload_url, { headers: ticket.headers, data: photo.buffer });
  expect(put.ok()).toBe(true);
  expect((await api.post(`/api/v1/uploads/${ticket.id}/complete`)).ok()).toBe(true);
  await expect
    .poll(
      async () => {
        const image = await api.get(`/api/v1/images/${ticket.id}`);
        return ((await image.json()) as { status: string }).status;
      },
      { message: `photo ${ticket.id} processed`, timeout: 60_000 },
    )
    .toBe('ready');
  return ticket.id;
}
