import { ButtonLink } from '@/components/ui/button';

/** Unknown ids and organisations you are not a member of look the same: nothing to see here. */
export default function AppNotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-16 text-center sm:px-6">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        It does not exist, or it belongs to an organisation you are not a member of.
      </p>
      <div className="mt-6">
        <ButtonLink href="/">Go to your projects</ButtonLink>
      </div>
    </main>
  );
}
