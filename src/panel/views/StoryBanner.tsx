// "What happened", above the request list: each story's headline (core/story) with a link that selects and
// reveals its request, and its steps on demand. The headline wraps and is never cut: at 550 px the cause is the
// part a user needs to read whole. Bounded in height so a long story list never pushes the requests away.
import type { Story } from '../../core/story/story.ts';
import { STORY_KIND_LABEL } from '../../core/story/storyHtml.ts';
import type { PanelController } from '../controller.ts';

export function StoryBanner({
  story,
  selected,
  controller,
}: {
  story: readonly Story[] | undefined;
  selected: number | undefined;
  controller: PanelController;
}) {
  if (!story || story.length === 0) return null;
  return (
    <section class="story-banner" data-testid="story-banner" aria-label="What happened">
      <ul class="plain">
        {story.map((s) => (
          <li
            key={`${s.entry}:${s.rule}:${s.cookie ?? ''}`}
            class={`story story-${s.kind}${selected === s.entry ? ' selected' : ''}`}
            data-testid="story"
            data-kind={s.kind}
            data-entry={s.entry}
          >
            <span class="story-kind">{STORY_KIND_LABEL[s.kind]}</span>{' '}
            <button
              type="button"
              class="link"
              data-testid="story-link"
              data-entry={s.entry}
              title="Select this request in the list"
              onClick={() => controller.reveal(s.entry)}
            >
              #{s.entry}
            </button>{' '}
            <span class="story-headline" data-testid="story-headline">
              {s.headline}
            </span>
            <details class="story-steps">
              <summary>How we know</summary>
              <ul>
                {s.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
