import { useEffect, useState, type RefObject } from 'react';

/** Pixels in one `em` of an element: the wall's type scales with the screen, so row heights must follow. */
export function useEm(ref: RefObject<HTMLElement | null>, fallback = 20): number {
  const [em, setEm] = useState(fallback);
  useEffect(() => {
    const read = () => {
      const el = ref.current;
      if (el) setEm(parseFloat(getComputedStyle(el).fontSize) || fallback);
    };
    read();
    window.addEventListener('resize', read);
    return () => window.removeEventListener('resize', read);
  }, [ref, fallback]);
  return em;
}
