import { describe, expect, it } from 'vitest';
import { createSliceScheduler, nextTask, runInTasks } from './scheduler';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSliceScheduler', () => {
  it('runs work in slices that end at the budget, and continues after yielding', async () => {
    let clock = 0;
    const slices: number[][] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    const scheduler = createSliceScheduler(
      (deadline) => {
        const slice: number[] = [];
        while (items.length > 0 && !deadline()) {
          slice.push(items.shift() as number);
          clock += 10;
        }
        slices.push(slice);
        return items.length > 0;
      },
      { budgetMs: 30, now: () => clock, inputPending: () => false },
    );
    scheduler.request();
    scheduler.request(); // asked twice before it runs: still one slice at a time
    for (let i = 0; i < 10; i++) await tick();
    expect(slices).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
  });

  it('ends a slice early when the user is interacting', async () => {
    let clock = 0;
    const sizes: number[] = [];
    let left = 6;
    const scheduler = createSliceScheduler(
      (deadline) => {
        let done = 0;
        while (left > 0 && !deadline()) {
          left--;
          done++;
          clock += 5;
        }
        sizes.push(done);
        return left > 0;
      },
      { budgetMs: 30, inputYieldMs: 4, now: () => clock, inputPending: () => true },
    );
    scheduler.request();
    for (let i = 0; i < 10; i++) await tick();
    expect(sizes).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('runInTasks', () => {
  it('runs steps until done, starting a new task once a task has used its budget', async () => {
    let clock = 0;
    const tasks: number[][] = [[]];
    let left = 7;
    await runInTasks(
      () => {
        tasks.at(-1)?.push(left);
        clock += 5; // every step takes 5 ms
        return --left > 0;
      },
      {
        budgetMs: 12,
        now: () => clock,
        inputPending: () => false,
        onSlice: () => tasks.push([]),
      },
    );
    // 5 + 5 + 5 ms passes the 12 ms budget: three steps a task.
    expect(tasks.filter((task) => task.length > 0)).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
  });

  it('finishes in one task when the work is short', async () => {
    let tasks = 0;
    let left = 3;
    await runInTasks(() => --left > 0, {
      now: () => 0,
      onSlice: () => {
        tasks++;
      },
    });
    expect(tasks).toBe(1);
    expect(left).toBe(0);
  });
});

describe('nextTask', () => {
  it('resolves in a later task, never in the task that asked', async () => {
    const order: string[] = [];
    const asked = nextTask().then(() => order.push('next task'));
    queueMicrotask(() => order.push('microtask'));
    order.push('same task');
    await asked;
    expect(order).toEqual(['same task', 'microtask', 'next task']);
  });
});
