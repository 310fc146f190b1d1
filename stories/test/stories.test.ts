import axe from 'axe-core';
import { render, type TemplateResult } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { settingAttributes } from '../manifest-args';

interface StoryModule {
  default: {
    title: string;
    component?: string;
    args?: Record<string, unknown>;
    render?: (args: Record<string, unknown>) => TemplateResult;
  };
  [story: string]: unknown;
}

interface StoryObject {
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>) => TemplateResult;
}

const modules = import.meta.glob<StoryModule>('../*.stories.ts', { eager: true });

const stories = Object.values(modules).flatMap((module) =>
  Object.entries(module)
    .filter(([name]) => name !== 'default' && /^[A-Z]/.test(name))
    .map(([name, story]) => ({
      title: module.default.title,
      name,
      meta: module.default,
      story: story as StoryObject,
    })),
);

type Widget = Element & { state: string; updateComplete: Promise<unknown> };

/** Waits until every widget in the story has left its loading state (a story of loading stays so). */
async function settled(container: Element, patienceMs: number): Promise<Widget[]> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const widgets = Array.from(container.querySelectorAll('*')).filter(
      (element) => element.localName.startsWith('sx-') && 'state' in element,
    ) as Widget[];
    if (widgets.every((widget) => widget.state !== 'loading') || Date.now() > deadline) {
      await Promise.all(widgets.map((widget) => widget.updateComplete));
      return widgets;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stories named for a state other than data may show it; every other story must show data. */
const showsAnotherState = /error|missing|loading|empty|broken|404|stale/i;

afterEach(() => document.body.replaceChildren());

describe('every story renders and passes axe', () => {
  it('has stories to check', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  for (const { title, name, meta, story } of stories) {
    it(`${title} / ${name}`, async () => {
      const renderStory = story.render ?? meta.render;
      expect(renderStory, 'story has a render function').toBeTypeOf('function');
      const container = document.createElement('main');
      document.body.append(container);
      render(renderStory!({ ...meta.args, ...story.args }), container);
      const widgets = await settled(container, /loading/i.test(name) ? 500 : 30_000);
      if (!showsAnotherState.test(name)) {
        expect(widgets.map((widget) => widget.state)).toEqual(widgets.map(() => 'ready'));
      }
      const results = await axe.run(container, { resultTypes: ['violations'] });
      const violations = results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
      expect(violations).toEqual([]);
    });
  }
});

describe('the stale stories', () => {
  const staleStories = stories.filter((entry) => entry.name === 'Stale');

  it('are one per element', () => {
    expect(staleStories.map((entry) => entry.title).sort()).toEqual(
      stories
        .map((entry) => entry.title)
        .filter((title, index, all) => title.startsWith('Widgets/') && all.indexOf(title) === index)
        .sort(),
    );
  });

  for (const { title, meta, story } of staleStories) {
    it(`${title}: keeps the figures and says they are stale once the refresh fails`, async () => {
      const container = document.createElement('main');
      document.body.append(container);
      render((story.render ?? meta.render)!({ ...meta.args, ...story.args }), container);
      const source = container.querySelector('sx-data-source')!;
      for (let i = 0; i < 400 && source.getAttribute('state') !== 'stale'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(source.getAttribute('state')).toBe('stale');
      const widgets = await settled(container, 5_000);
      const shown = widgets.filter((widget) => widget !== source);
      expect(shown.map((widget) => widget.state)).toEqual(shown.map(() => 'ready'));
      for (const widget of shown) {
        expect(widget.shadowRoot?.querySelector('[part="notice"]')?.textContent).toMatch(
          /文件刷新失败|could not be refreshed/,
        );
        expect(
          widget.shadowRoot?.querySelectorAll('[part="data-table"] tbody tr').length,
        ).toBeGreaterThan(0);
      }
    });
  }
});

describe('every control reaches the element', () => {
  const modulesByTag = Object.values(modules).filter(
    (module) => typeof module.default.component === 'string',
  );

  it('covers every element that has stories', () => {
    const tags = modulesByTag.map((module) => module.default.component);
    expect(tags).toEqual(
      expect.arrayContaining([
        'sx-data-source',
        'sx-progress-tracker',
        'sx-scorecard',
        'sx-target-treemap',
        'sx-variance-alerts',
      ]),
    );
  });

  for (const module of modulesByTag) {
    const meta = module.default;
    const tag = meta.component ?? '';
    if (!meta.render) continue;
    it(`${tag}: each attribute control sets its attribute`, async () => {
      const attributes = settingAttributes(tag);
      // Every attribute the manifest (and so Storybook) offers is one the element takes.
      const manifest = (await (await fetch('/packages/widgets/custom-elements.json')).json()) as {
        modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
      };
      const declared = manifest.modules
        .flatMap((entry) => entry.declarations ?? [])
        .find((declaration) => declaration.tagName === tag);
      const offered = (declared?.attributes ?? [])
        .map((attribute) => attribute.name)
        .filter((name) => name !== 'state');
      expect(offered.length).toBeGreaterThan(5);
      expect(attributes).toEqual(expect.arrayContaining(offered));
      expect(attributes.length).toBeGreaterThan(5);
      const missed: string[] = [];
      for (const attribute of attributes) {
        const container = document.createElement('main');
        document.body.append(container);
        const value = `control-${attribute}`;
        render(meta.render!({ ...meta.args, [attribute]: value }), container);
        const element = container.querySelector(tag);
        if (element?.getAttribute(attribute) !== value) missed.push(attribute);
        container.remove();
      }
      expect(missed).toEqual([]);
    });
  }
});
