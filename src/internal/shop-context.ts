import { createContext } from '@lit/context';
import type { ToteShop } from '../store/index.js';

/** The shop a `<tote-store>` provides to the Tote elements inside it. */
export const shopContext = createContext<ToteShop | undefined>(Symbol('tote-shop'));
