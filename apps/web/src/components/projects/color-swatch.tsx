export function ColorSwatch({ color, className = 'size-3.5' }: { color: string; className?: string }) {
  return <span aria-hidden="true" className={`inline-block shrink-0 rounded-full ring-1 ring-black/10 ${className}`} style={{ backgroundColor: color }} />;
}
