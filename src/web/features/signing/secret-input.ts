import { type ChangeEvent, useCallback, useRef, useState } from 'react';

/**
 * An uncontrolled input for a passphrase or a one-time code. The value lives only in the DOM
 * input until `take()` reads it for the request and empties the field at once: it is never in
 * React state, a query cache or a mutation's remembered variables. React only learns whether
 * the field is filled (to enable the button).
 */
export function useSecretInput() {
  const ref = useRef<HTMLInputElement>(null);
  const [filled, setFilled] = useState(false);
  const onChange = useCallback((event: ChangeEvent<HTMLInputElement>) => {
    setFilled(event.currentTarget.value !== '');
  }, []);
  const take = useCallback((): string => {
    const input = ref.current;
    const value = input?.value ?? '';
    if (input) input.value = '';
    setFilled(false);
    return value;
  }, []);
  const clear = useCallback(() => {
    if (ref.current) ref.current.value = '';
    setFilled(false);
  }, []);
  const focus = useCallback(() => ref.current?.focus(), []);
  return { inputProps: { ref, onChange }, filled, take, clear, focus };
}
