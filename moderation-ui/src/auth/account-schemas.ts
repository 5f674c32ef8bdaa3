import { z } from 'zod';

/** The roles of accounts, as API answers name them. */
export const accountRoles = z.enum(['moderator', 'admin', 'partner']);
