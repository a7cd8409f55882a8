/// <reference types="svelte" />
/// <reference types="vite/client" />
declare module 'justified-layout' {
  interface Box { width: number; height: number; top: number; left: number; aspectRatio: number }
  interface Result { containerHeight: number; widowCount: number; boxes: Box[] }
  interface Options {
    containerWidth?: number;
    containerPadding?: number | { top: number; right: number; bottom: number; left: number };
    boxSpacing?: number | { horizontal: number; vertical: number };
    targetRowHeight?: number;
    targetRowHeightTolerance?: number;
    showWidows?: boolean;
  }
  export default function justifiedLayout(input: number[] | { width: number; height: number }[], options?: Options): Result;
}
