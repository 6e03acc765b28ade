import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Logo } from '@/components/app/logo';
import { ButtonLink } from '@/components/ui/button';
import { getSessionUser } from '@/server/session';
import { pages } from '@/lib/routes';

const FEATURES = [
  ['Annotate together', 'Partial annotations on large microscopy images, shared across your team with clear roles.'],
  ['Train where you like', 'Segmentation and denoising models on GPU or CPU workers, from your own labels.'],
  ['Take models anywhere', 'Download as ZEISS .czann or as a container bundle for ZEN, arivis Pro or napari.'],
] as const;

export default async function HomePage() {
  const user = await getSessionUser();
  if (user) {
    const first = user.organizations[0];
    redirect(first ? pages.projects(first.id) : pages.newOrg());
  }
  return (
    <div className="flex min-h-screen flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-6 py-5">
        <Logo className="text-lg" />
        <nav aria-label="Account" className="flex items-center gap-2">
          <ButtonLink href={pages.signIn()} variant="ghost">Sign in</ButtonLink>
          <ButtonLink href={pages.signUp()}>Create account</ButtonLink>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-6 pb-16 pt-12">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
          Open microscopy AI for your whole team.
        </h1>
        <p className="mt-5 max-w-2xl text-lg text-slate-600">
          Upload images, annotate together in the browser, train models on your own labels, and take them to the tools you
          already use. Self-hostable and open.
        </p>
        <div className="mt-8 flex gap-3">
          <ButtonLink href={pages.signUp()}>Get started</ButtonLink>
          <ButtonLink href={pages.signIn()} variant="secondary">Sign in</ButtonLink>
        </div>
        <ul className="mt-16 grid gap-6 sm:grid-cols-3">
          {FEATURES.map(([title, text]) => (
            <li key={title} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 className="font-semibold text-slate-900">{title}</h2>
              <p className="mt-1.5 text-sm text-slate-600">{text}</p>
            </li>
          ))}
        </ul>
      </main>
      <footer className="mx-auto w-full max-w-5xl px-6 py-6 text-sm text-slate-500">
        Tessera is open source. <Link href={pages.signUp()} className="underline underline-offset-2">Start an organisation</Link>.
      </footer>
    </div>
  );
}
