import { expect, it } from 'vitest';
import { takeForeignRequests } from './setup/no-egress';

/** The guard in setup/no-egress.ts must see what a page, an image or a worker asks for. */
const elsewhere = 'http://stratex-egress-probe.invalid';

it('refuses and records requests to another origin from the page, an image and a worker', async () => {
  await fetch(`${elsewhere}/page.json`).catch(() => undefined);

  const image = new Image();
  const imageDone = new Promise((resolve) => image.addEventListener('error', resolve));
  image.src = `${elsewhere}/pixel.png`;
  await imageDone;

  const script = `fetch('${elsewhere}/worker.json').catch(() => undefined).then(() => postMessage('done'))`;
  const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
  await new Promise((resolve) => worker.addEventListener('message', resolve));
  worker.terminate();

  expect(await takeForeignRequests()).toEqual([
    `${elsewhere}/page.json`,
    `${elsewhere}/pixel.png`,
    `${elsewhere}/worker.json`,
  ]);
});

it('lets requests to the page’s own origin through', async () => {
  const response = await fetch('/fixtures/template/evaluation.csv');
  expect(response.ok).toBe(true);
  expect(await takeForeignRequests()).toEqual([]);
});
