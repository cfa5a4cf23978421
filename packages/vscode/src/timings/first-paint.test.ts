import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FirstPaint, type WatchedView } from './first-paint.js';

/** A Contacts view whose visibility the test sets. */
function fakeView(visible: boolean): WatchedView & { show(): void } {
  const listeners: ((event: { visible: boolean }) => unknown)[] = [];
  const view = {
    visible,
    onDidChangeVisibility: (listener: (event: { visible: boolean }) => unknown) => {
      listeners.push(listener);
      return { dispose: () => undefined };
    },
    show: () => {
      view.visible = true;
      for (const listener of listeners) listener({ visible: true });
    },
  };
  return view;
}

/** A first paint awaited with `view` on screen or not, and one piece of work it holds. */
function holding(view: WatchedView): [FirstPaint, ReturnType<typeof vi.fn>] {
  const paint = new FirstPaint();
  paint.watch(view);
  paint.expect();
  const work = vi.fn();
  paint.run(work);
  return [paint, work];
}

describe('FirstPaint', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs work at once before the index is usable and after the first paint', () => {
    const paint = new FirstPaint();
    paint.watch(fakeView(true));
    const work = vi.fn();
    paint.run(work);
    expect(work).toHaveBeenCalledTimes(1);
    paint.expect();
    paint.painted();
    vi.advanceTimersByTime(0);
    paint.run(work);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('holds work from the moment the index is usable until the turn after the Contacts view painted, once per work', async () => {
    const paint = new FirstPaint();
    paint.watch(fakeView(true));
    paint.expect();
    const order: string[] = [];
    const agenda = () => order.push('agenda');
    paint.run(agenda);
    paint.run(agenda);
    const reconciled = paint.whenPainted().then(() => order.push('disk check'));
    paint.painted();
    order.push('contacts returned');
    expect(order).toEqual(['contacts returned']);
    await vi.advanceTimersByTimeAsync(0);
    await reconciled;
    expect(order).toEqual(['contacts returned', 'agenda', 'disk check']);
  });

  it('stops holding work after a second when the view never paints', () => {
    const [paint, work] = holding(fakeView(true));
    vi.advanceTimersByTime(999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits only briefly for a hidden view, and fully for one that appears or is asked for its items meanwhile', () => {
    const [, early] = holding(fakeView(false));
    vi.advanceTimersByTime(500);
    expect(early).toHaveBeenCalledTimes(1);

    const view = fakeView(false);
    const [opening, later] = holding(view);
    vi.advanceTimersByTime(100);
    view.show();
    vi.advanceTimersByTime(400);
    expect(later).not.toHaveBeenCalled();
    opening.painted();
    vi.advanceTimersByTime(0);
    expect(later).toHaveBeenCalledTimes(1);

    const [asked, work] = holding(fakeView(false));
    asked.asked();
    vi.advanceTimersByTime(900);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('drops waiting work when disposed, and runs later work at once', () => {
    const [paint, waiting] = holding(fakeView(true));
    paint.dispose();
    vi.advanceTimersByTime(2_000);
    expect(waiting).not.toHaveBeenCalled();
    const later = vi.fn();
    paint.run(later);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('holds nothing when there is no Contacts view', () => {
    const paint = new FirstPaint();
    paint.expect();
    const work = vi.fn();
    paint.run(work);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
