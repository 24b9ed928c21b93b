// The plugin is built by `medusa plugin:build`, which emits JavaScript only; its
// workflows are typed where they are written (plugins/lianxin/src/workflows).
declare module "@lianxin/plugin/workflows"
