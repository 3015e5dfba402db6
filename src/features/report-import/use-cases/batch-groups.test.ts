import { test } from 'node:test';
import assert from 'node:assert/strict';
import { err, ok } from '../../../shared/domain/result.ts';
import { GROUP_BYTES, groupsOf, readGroup, type GroupReader } from './batch-groups.ts';
import { unreadableRow } from './batch-row.ts';

const reading = (file: string) => ({ row: { ...unreadableRow(file, ''), agency: `机关${file}` } });

async function allGroups(sizes: Record<string, number | Error>, groupFiles = 8): Promise<string[][]> {
  const files = Object.keys(sizes);
  const reads: string[] = [];
  const groups = groupsOf(
    files,
    async (file) => {
      reads.push(file);
      const size = sizes[file]!;
      if (size instanceof Error) throw size;
      return new Uint8Array(size);
    },
    groupFiles,
  );
  const out: string[][] = [];
  for (let g = await groups.next(); g; g = await groups.next())
    out.push(g.map((e) => (e.failed ? `${e.file}（${e.failed.row.problem}）` : e.file)));
  assert.deepEqual(reads, files, 'each file read from disk once, in order');
  return out;
}

test('small files go to a worker eight together, a large one alone, within a group’s bytes', async () => {
  const small = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}.txt`, 2_000]));
  assert.deepEqual(await allGroups(small), [
    ['s0.txt', 's1.txt', 's2.txt', 's3.txt', 's4.txt', 's5.txt', 's6.txt', 's7.txt'],
    ['s8.txt', 's9.txt'],
  ]);
  // A large file between small ones: alone, the files after it start the next group.
  assert.deepEqual(await allGroups({ 'a.txt': 10, 'big.pdf': GROUP_BYTES, 'b.txt': 10, 'c.txt': 10 }), [
    ['a.txt'],
    ['big.pdf'],
    ['b.txt', 'c.txt'],
  ]);
  // Files that together pass the group's bytes: the one that would pass them starts the next group.
  const third = Math.floor(GROUP_BYTES * 0.4);
  assert.deepEqual(await allGroups({ 'x.html': third, 'y.html': third, 'z.html': third }), [
    ['x.html', 'y.html'],
    ['z.html'],
  ]);
  // One at a time when asked.
  assert.deepEqual(await allGroups({ 'a.txt': 1, 'b.txt': 1 }, 1), [['a.txt'], ['b.txt']]);
});

test('a file that cannot be read from disk keeps its place with the reason, its group goes on', async () => {
  assert.deepEqual(
    await allGroups({ 'a.txt': 5, 'gone.txt': new Error('ENOENT: no such file'), 'b.txt': 5 }),
    [['a.txt', 'gone.txt（无法读取：ENOENT: no such file）', 'b.txt']],
  );
});

test('a group’s answer is taken apart file by file; a group refused whole is read again file by file', async () => {
  const entries = ['a.txt', 'b.txt', 'c.txt'].map((file) => ({ file, bytes: new Uint8Array(1) }));
  // Each file's own answer: read, or refused for itself.
  const own: GroupReader = async (files) =>
    ok(
      files.map(({ file }) =>
        file === 'b.txt' ? err({ code: 'file-reader-crashed' as const, reason: '坏了' }) : ok(reading(file)),
      ),
    );
  const answered = await readGroup(entries, own, false);
  assert.deepEqual(
    answered.map((d) => [d.file, d.reading.row.agency, d.again]),
    [
      ['a.txt', '机关a.txt', false],
      ['b.txt', '', false],
      ['c.txt', '机关c.txt', false],
    ],
  );
  assert.match(answered[1]!.reading.row.problem, /文件无法读取：坏了/);

  // Refused as a whole (too slow, out of memory, a crash, the reader failing): which file did it is not
  // known, so every file of the group is read again alone — whatever the refusal.
  for (const whole of [
    async () => err({ code: 'file-too-slow' as const, limitMs: 30_000 }),
    async () => err({ code: 'file-reader-crashed' as const, reason: '进程退出' }),
    async () => {
      throw new Error('worker gone');
    },
  ] as GroupReader[]) {
    const refused = await readGroup(entries, whole, false);
    assert.deepEqual(
      refused.map((d) => [d.file, d.again]),
      entries.map((e) => [e.file, true]),
    );
  }

  // A group of one is that file's own answer: read again alone only for what a file beside it may have caused.
  const one = [entries[0]!];
  assert.equal(
    (await readGroup(one, async () => err({ code: 'file-too-slow', limitMs: 1 }), false))[0]!.again,
    true,
  );
  assert.equal(
    (await readGroup(one, async () => err({ code: 'file-too-slow', limitMs: 1 }), true))[0]!.again,
    false,
  );
  const crashed = (
    await readGroup(one, async () => err({ code: 'file-reader-crashed', reason: '坏了' }), false)
  )[0]!;
  assert.equal(crashed.again, false);
  assert.match(crashed.reading.row.problem, /坏了/);
});
