import { render, waitFor } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the guest sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Acme Backstage (Cloudflare demo)' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    await waitFor(() => {
      expect(rendered.baseElement).toBeInTheDocument();
    });
    // The default sign-in page offers the guest provider ("Enter"), as in the demo.
    expect(
      await rendered.findByRole(
        'button',
        { name: 'Enter' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});
