// Unmounts what each test rendered and restores mocks, so tests never see each other's state.
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  if (typeof window === 'undefined') return; // A test file running in the node environment.
  cleanup();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
