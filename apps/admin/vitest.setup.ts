// Unmounts what each test rendered and restores mocks, so tests never see each other's state.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// `waitFor` and `findBy…` give up after 1 s by default. CI runs these tests beside the API's, on two
// cores, where a render can take longer than that; what they wait for still has to happen.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  if (typeof window === 'undefined') return; // A test file running in the node environment.
  cleanup();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
