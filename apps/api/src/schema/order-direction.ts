/** `OrderDirection` for the lists that let the caller choose their ordering. */
import { builder } from '../builder.js';

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  values: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});
