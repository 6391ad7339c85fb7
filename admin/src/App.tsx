import { Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './core/AppProviders';
import { FullPageSpin } from './core/ui/FullPageSpin';
import { AppRoutes } from './routes';

export function App() {
  return (
    <AppProviders>
      <BrowserRouter basename="/admin">
        <Suspense fallback={<FullPageSpin />}>
          <AppRoutes />
        </Suspense>
      </BrowserRouter>
    </AppProviders>
  );
}
