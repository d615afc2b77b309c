type Props = Readonly<Record<string, unknown>> | null | undefined;

const present = (v: unknown): boolean => v !== undefined && v !== null && String(v).trim() !== '';

/**
 * How a feature is named to the planner, everywhere (tables, cards, the CLI's messages): its
 * `name`, else its `id` (or the id the analysis read), else its position in the layer, "#n"
 * (1-based). Blank names do not count.
 */
export function featureLabel(props: Props, index: number, id?: string | null): string {
  if (present(props?.name)) return String(props!.name);
  if (present(props?.id)) return String(props!.id);
  if (present(id)) return String(id);
  return `#${index + 1}`;
}
