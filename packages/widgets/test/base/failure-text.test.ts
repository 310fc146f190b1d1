import { expect, it } from 'vitest';
import {
  DatabaseLostError,
  EngineTimeoutError,
  LoadError,
  type LoadFault,
  UnknownSourceError,
  withFault,
} from '@stratex/data';
import { failureText } from '../../src/base/failure-text';

/** Each failure the widgets know, in both languages, with the engine's own words kept as detail. */
const load = (fault: LoadFault): LoadError =>
  new LoadError('what the loader said', 'sales.csv', 'raw detail', fault);

it.each<[string, unknown, string, string]>([
  [
    '404',
    load({ kind: 'status', status: 404 }),
    '服务器上没有这个文件（404）：sales.csv',
    'The file is not on the server (404): sales.csv',
  ],
  [
    '500',
    load({ kind: 'status', status: 500 }),
    '服务器发送文件时出错：sales.csv',
    'The server failed while sending the file: sales.csv',
  ],
  [
    '401',
    load({ kind: 'status', status: 401 }),
    '服务器拒绝发送这个文件：sales.csv',
    'The server refused to send the file: sales.csv',
  ],
  [
    'unreachable',
    load({ kind: 'unreachable' }),
    '无法连接存放文件的服务器：sales.csv',
    'The server holding the file could not be reached: sales.csv',
  ],
  [
    'broken off',
    load({ kind: 'broken-off' }),
    '下载在文件结束前中断了：sales.csv',
    'The download broke off before the end of the file: sales.csv',
  ],
  [
    'timed out',
    load({ kind: 'timed-out', seconds: 120 }),
    '文件未能按时送达：服务器太慢或已停止发送：sales.csv',
    'The file did not arrive in time; the server is too slow or stopped sending: sales.csv',
  ],
  [
    'too large',
    load({ kind: 'too-large' }),
    '文件太大，无法在浏览器中打开：sales.csv',
    'The file is too large to open in a browser: sales.csv',
  ],
  [
    'engine lost',
    new DatabaseLostError('the database worker ended'),
    '读取这些数据时查询引擎停止了；引擎正在重启，数据将重新加载。',
    'The query engine stopped while reading these figures; it is restarting and they will reload.',
  ],
  [
    'engine stuck',
    new EngineTimeoutError('The query', 120),
    '查询引擎未能及时响应；引擎正在重启，数据将重新加载。',
    'The query engine did not answer in time; it is restarting and the figures will reload.',
  ],
  [
    'out of memory',
    // As it crosses from data: the database's words name the fault once, there.
    withFault(new Error('Out of Memory Error: could not allocate block of size 256.0 KiB')),
    '浏览器内存不足，无法载入这个文件',
    'The browser ran out of memory for this file',
  ],
  [
    'larger than the worker takes',
    new LoadError(
      "big.parquet could not be read as Parquet: Failed to execute 'postMessage' on 'Worker': The ArrayBuffer/ArrayBufferView size exceeds the supported range.",
      'big.parquet',
    ),
    '文件太大，无法在浏览器中打开：big.parquet',
    'The file is too large to open in a browser: big.parquet',
  ],
  [
    'no such source',
    new UnknownSourceError('sales'),
    '页面上没有这个名称的数据源（sx-data-source）：sales',
    'No sx-data-source on this page has the name: sales',
  ],
])('%s', (_name, cause, zh, en) => {
  expect(failureText(cause, 'zh-CN').message).toBe(zh);
  expect(failureText(cause, 'en').message).toBe(en);
  expect(failureText(cause, 'en').detail).toContain((cause as Error).message);
});

it('says a failure it does not know in Chinese, keeping its own words as the detail', () => {
  expect(failureText(new Error('Missing columns: target'), 'zh-CN')).toEqual({
    message: '查询引擎报告了一个错误。',
    detail: 'Missing columns: target',
  });
  expect(failureText(new LoadError('x.csv is empty.', 'x.csv', 'no bytes'), 'en')).toEqual({
    message: 'x.csv is empty.',
    detail: 'no bytes',
  });
});
