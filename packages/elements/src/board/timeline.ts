import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../styles/css-props.js';
import { MilestoneState, type Timeline } from './board-model.js';
import { daysBetween, formatDay, formatLongDay } from './dates.js';
import type { BoardStrings } from './strings.js';

const MARKS: Record<MilestoneState, string> = { done: '✓', late: '!', upcoming: '◆' };

/**
 * The milestone strip above the board: each milestone placed by its date between today and the
 * decision date. Position and shape (✓ done, ! late, ◆ upcoming) say the state, and so does text:
 * never colour alone.
 */
export function renderTimeline(
  timeline: Timeline,
  decisionDate: string | undefined,
  strings: BoardStrings,
): TemplateResult {
  const { start, items } = timeline;
  const rows = Math.max(1, ...items.map((item) => item.row + 1));
  return html`
    <section part="timeline" class="timeline" aria-labelledby="timeline-title">
      <div class="timeline-head">
        <h3 id="timeline-title" class="timeline-title">${strings.timelineTitle}</h3>
        <p part="decision" class="decision">
          ${decisionDate
            ? html`<time datetime=${decisionDate} title=${formatLongDay(decisionDate, strings.locale)}
                  >${strings.decision(formatDay(decisionDate, start, strings.locale))}</time
                >
                <span class="muted">· ${strings.daysToDecision(daysBetween(start, decisionDate))}</span>`
            : strings.noDecisionDate}
        </p>
      </div>
      ${items.length === 0
        ? html`<p class="timeline-empty">${strings.noMilestones}</p>`
        : html`
            <div class="track" ${cssProps({ '--_rows': rows })}>
              <span class="track-start" aria-hidden="true">${strings.today}</span>
              <ol class="milestones">
                ${items.map(
                  ({ milestone, state, position, afterDecision, row }) => html`
                    <li
                      part="milestone milestone-${state}"
                      class="milestone"
                      data-state=${state}
                      data-id=${milestone.id}
                      data-position=${position.toFixed(3)}
                      data-edge=${position < 0.12 ? 'start' : position > 0.88 ? 'end' : nothing}
                      ${cssProps({ '--_at': `${(position * 100).toFixed(2)}%`, '--_row': row })}
                    >
                      <span class="mark" aria-hidden="true">${MARKS[state]}</span>
                      <span class="milestone-text">
                        <span class="milestone-title" title=${milestone.title}>${milestone.title}</span>
                        <span class="milestone-when">
                          <time datetime=${milestone.date} title=${formatLongDay(milestone.date, strings.locale)}
                            >${formatDay(milestone.date, start, strings.locale)}</time
                          >
                          ${state === MilestoneState.upcoming
                            ? html`<span class="visually-hidden">, ${strings.milestoneState.upcoming}</span>`
                            : html`<span class="milestone-state">${strings.milestoneState[state]}</span>`}
                          ${afterDecision ? html`<span class="milestone-state">${strings.afterDecision}</span>` : nothing}
                        </span>
                      </span>
                    </li>
                  `,
                )}
              </ol>
            </div>
          `}
    </section>
  `;
}
