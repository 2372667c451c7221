// The findings, grouped by severity then rule: each rule's ID beside its title and its explanation (from the
// rule module), then every finding with its message, evidence, fix and a link to its request.
import { useMemo } from 'preact/hooks';
import type { Finding } from '../../core/analysis/analyze.ts';
import { ruleById } from '../../core/rules/registry.ts';
import type { Severity } from '../../core/rules/rule.ts';
import { idName } from '../../core/story/story.ts';
import type { PanelController } from '../controller.ts';
import type { TraceView } from '../model.ts';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

interface RuleGroup {
  readonly rule: string;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

/** Severity first (high → info), then rule, in the engine's order within each. */
export function groupFindings(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: RuleGroup[] = [];
  for (const severity of SEVERITIES)
    for (const [key, list] of groups)
      if (key.startsWith(`${severity}\u0000`)) out.push({ rule: list[0]!.rule, severity, findings: list });
  return out;
}

/** Evidence as text; a session ID gets its short name in the reports beside it, to match a CLI or HTML finding. */
function evidenceText(value: Finding['evidence'][string], ids: ReadonlySet<string>): string {
  if (typeof value === 'string' && ids.has(value)) return `${value} (${idName(value)})`;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export function Findings({
  view,
  controller,
  severity,
}: {
  view: TraceView;
  controller: PanelController;
  /** Only this severity (a pressed count in the toolbar). */
  severity?: Severity;
}) {
  const groups = useMemo(
    () =>
      groupFindings(
        severity === undefined ? view.analysis.findings : view.analysis.findings.filter((f) => f.severity === severity),
      ),
    [view, severity],
  );
  const ids = useMemo(() => new Set(view.analysis.facts.lanes.flatMap((l) => l.ids.map((i) => i.id))), [view]);
  if (groups.length === 0)
    return (
      <p class="empty" data-testid="findings-empty">
        {severity === undefined ? 'No findings.' : `No ${severity} findings.`}
      </p>
    );
  return (
    <section class="findings-view" data-testid="findings-view">
      {groups.map((g) => {
        const rule = ruleById(g.rule);
        return (
          <details
            key={`${g.severity}:${g.rule}`}
            open
            class={`finding-group severity-${g.severity}`}
            data-testid="finding-group"
            data-rule={g.rule}
            data-severity={g.severity}
          >
            <summary>
              <span class="severity">{g.severity}</span> <span class="rule-id">{g.rule}</span>{' '}
              <strong>{rule?.title ?? g.findings[0]?.title}</strong> <span class="muted">×{g.findings.length}</span>
            </summary>
            {rule ? <p class="explain">{rule.docs.explanation}</p> : null}
            <ul class="plain">
              {g.findings.map((f, i) => (
                <li key={`${f.entry}#${i}`} class="finding-item" data-testid="finding-item">
                  <div>
                    <button
                      type="button"
                      class="link"
                      data-testid="finding-entry-link"
                      data-entry={f.entry}
                      onClick={() => controller.reveal(f.entry)}
                    >
                      #{f.entry}
                    </button>{' '}
                    {f.cookie ? <strong>{f.cookie}</strong> : null} {f.message}
                  </div>
                  {Object.keys(f.evidence).length > 0 ? (
                    <dl class="evidence">
                      {Object.entries(f.evidence).map(([k, v]) => (
                        <div key={k}>
                          <dt>{k}</dt>
                          <dd class="mono">{evidenceText(v, ids)}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  {f.related?.length ? (
                    <div class="muted">
                      Related:{' '}
                      {f.related.map((r) => {
                        const other = view.analysis.findings[r];
                        return other ? (
                          <button type="button" class="link" key={r} onClick={() => controller.reveal(other.entry)}>
                            {other.rule} #{other.entry}
                          </button>
                        ) : null;
                      })}
                    </div>
                  ) : null}
                  {f.session ? (
                    <div class="muted" data-testid="finding-session">
                      Session: {f.session.confidence}
                      {f.session.thirdParty ? ', third party' : ''} — {f.session.evidence.join('; ')}.
                      {f.session.confidence === 'certain'
                        ? ''
                        : ' Wrong? Mark or unmark the cookie in the Cookies view (a mark makes it certain).'}
                    </div>
                  ) : null}
                  <div class="fix">Fix: {f.fix}</div>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
