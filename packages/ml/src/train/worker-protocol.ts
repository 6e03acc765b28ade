export type WorkerOp = 'init' | 'steps' | 'fit' | 'validate' | 'checkpoint' | 'restore' | 'weights' | 'export' | 'close' | 'cancel';

export interface WorkerRequest {
  readonly id: number;
  readonly op: WorkerOp;
  readonly args?: unknown;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { readonly code: string; readonly message: string } }
  | { readonly id: number; readonly event: 'progress'; readonly data: unknown };
