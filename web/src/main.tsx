import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/setup';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { App } from './App';
import { UnreachableError } from './api-errors';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // An answer (404, 400…) is final; only an unreachable service is worth asking again.
      retry: (failures, error) => error instanceof UnreachableError && failures < 3,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
