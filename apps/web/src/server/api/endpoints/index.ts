import type { NextHandler } from '../endpoint';
import * as account from './account';
import * as images from './images';
import * as organization from './organization';
import * as projects from './projects';
import * as tokens from './tokens';

/** Every /api/v1 endpoint: the OpenAPI document is generated from this list; a test checks it matches the route files. */
export const ALL_ENDPOINTS: NextHandler[] = [account, organization, projects, tokens, images].flatMap((m) => Object.values(m));
