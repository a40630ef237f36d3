import { useCallback, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** A one-time message carried through navigation state ("Organization added."). */
export function useFlash(): [string | null, () => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const fromState = (location.state as { flash?: unknown } | null)?.flash;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const message = typeof fromState === 'string' && fromState !== dismissed ? fromState : null;
  const dismiss = useCallback(() => {
    setDismissed(message);
    navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [message, navigate, location.pathname, location.search]);
  return [message, dismiss];
}
