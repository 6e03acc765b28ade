import { z } from 'zod';
import { createProject, getProject, listProjects, updateProject } from '../../projects/manage-projects';
import { createLabelClass, deleteLabelClass, updateLabelClass } from '../../label-classes/manage-label-classes';
import { withOrg } from '../endpoint';
import { ColorSchema, LabelClassSchema, NameSchema, ProjectSchema } from '../schemas';

const DescriptionSchema = z.string().max(2000, 'must be at most 2000 characters');
const ClassInput = z.object({ name: NameSchema, color: ColorSchema });

export const getProjects = withOrg(
  {
    method: 'GET',
    path: '/api/v1/orgs/{orgId}/projects',
    summary: 'Projects (archived ones with ?archived=include)',
    permission: 'projects:read',
    query: z.object({ archived: z.enum(['include', 'exclude']).default('exclude') }),
    response: z.object({ projects: z.array(ProjectSchema) }),
  },
  async ({ db, actor, query }) => ({ projects: await listProjects(db, actor, { includeArchived: query.archived === 'include' }) }),
);

export const postProject = withOrg(
  {
    method: 'POST',
    path: '/api/v1/orgs/{orgId}/projects',
    summary: 'Create a project, optionally with label classes',
    permission: 'projects:manage',
    body: z.object({
      name: NameSchema,
      description: DescriptionSchema.optional(),
      kind: z.enum(['SEMANTIC', 'INSTANCE']).optional(),
      labelClasses: z
        .array(ClassInput)
        .max(64, 'at most 64 classes')
        .refine((cs) => new Set(cs.map((c) => c.name.toLowerCase())).size === cs.length, 'class names must be unique')
        .optional(),
    }),
    response: ProjectSchema,
    successStatus: 201,
  },
  ({ db, actor, body }) => createProject(db, actor, body),
);

export const getProjectById = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/projects/{projectId}', summary: 'A project with its label classes', permission: 'projects:read', response: ProjectSchema },
  ({ db, actor, params }) => getProject(db, actor, params.projectId ?? ''),
);

export const patchProject = withOrg(
  {
    method: 'PATCH',
    path: '/api/v1/orgs/{orgId}/projects/{projectId}',
    summary: 'Rename, describe, archive or unarchive a project',
    permission: 'projects:manage',
    body: z
      .object({ name: NameSchema.optional(), description: DescriptionSchema.optional(), archived: z.boolean().optional() })
      .refine((b) => Object.keys(b).length > 0, 'send at least one of name, description, archived'),
    response: ProjectSchema,
  },
  ({ db, actor, params, body }) => updateProject(db, actor, params.projectId ?? '', body),
);

export const getLabelClasses = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/projects/{projectId}/label-classes', summary: "A project's label classes", permission: 'projects:read', response: z.object({ labelClasses: z.array(LabelClassSchema) }) },
  async ({ db, actor, params }) => ({ labelClasses: (await getProject(db, actor, params.projectId ?? '')).labelClasses }),
);

export const postLabelClass = withOrg(
  {
    method: 'POST',
    path: '/api/v1/orgs/{orgId}/projects/{projectId}/label-classes',
    summary: 'Add a label class',
    permission: 'projects:manage',
    body: ClassInput,
    response: LabelClassSchema,
    successStatus: 201,
  },
  ({ db, actor, params, body }) => createLabelClass(db, actor, params.projectId ?? '', body),
);

export const patchLabelClass = withOrg(
  {
    method: 'PATCH',
    path: '/api/v1/orgs/{orgId}/projects/{projectId}/label-classes/{classId}',
    summary: 'Rename, recolour or move a label class',
    permission: 'projects:manage',
    body: z
      .object({ name: NameSchema.optional(), color: ColorSchema.optional(), order: z.number().int().min(0).max(1000).optional() })
      .refine((b) => Object.keys(b).length > 0, 'send at least one of name, color, order'),
    response: LabelClassSchema,
  },
  ({ db, actor, params, body }) => updateLabelClass(db, actor, params.projectId ?? '', params.classId ?? '', body),
);

export const deleteLabelClassById = withOrg(
  { method: 'DELETE', path: '/api/v1/orgs/{orgId}/projects/{projectId}/label-classes/{classId}', summary: 'Delete a label class', permission: 'projects:manage' },
  async ({ db, actor, params }) => {
    await deleteLabelClass(db, actor, params.projectId ?? '', params.classId ?? '');
  },
);
