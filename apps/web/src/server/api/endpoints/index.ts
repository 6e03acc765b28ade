import type { NextHandler } from '../endpoint';
import * as account from './account';
import * as annotations from './annotations';
import * as models from './models';
import * as orders from './orders';
import * as images from './images';
import * as organization from './organization';
import * as projects from './projects';
import * as tokens from './tokens';
import * as training from './training';

/** Every /api/v1 endpoint: the OpenAPI document is generated from this list; a test checks it matches the route files. */
export const ALL_ENDPOINTS: NextHandler[] = [account, organization, projects, tokens, annotations, images, models, orders, training].flatMap((m) => Object.values(m));
