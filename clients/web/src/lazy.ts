// A component loaded on demand (its own chunk): null until it arrives.
import { useEffect, useState } from 'preact/hooks';

export function useLazy<T>(load: () => Promise<T>): T | null {
  const [component, setComponent] = useState<T | null>(null);
  useEffect(() => {
    let alive = true;
    void load().then((c) => alive && setComponent(() => c));
    return () => {
      alive = false;
    };
  }, [load]);
  return component;
}
