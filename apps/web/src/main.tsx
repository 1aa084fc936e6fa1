import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app.tsx';
import { setUnauthorizedHandler } from './lib/api.ts';
import { createQueryClient } from './lib/query-client.ts';
import { navigate } from './router.tsx';
import './styles.css';

const queryClient = createQueryClient();

// Any 401 means the session is gone: go to sign-in and come back here afterwards.
setUnauthorizedHandler(() => {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname === '/sign-in') return;
  navigate(`/sign-in?${new URLSearchParams({ next: here }).toString()}`, { replace: true });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
