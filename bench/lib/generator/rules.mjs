// Part of bench/generate.mjs: the rules of the synthetic migration, and where each old name ends up.

// The 10 rules. Each rule owns a deprecated module with four roles (class, factory, options type, describe fn),
// and says where each role goes and under which name. Kinds: plain redirect, renames (incl. `default`),
// a symbol moved to a second module (the import is split), and a two-step chain (rule 8 → rule 9).

export function ruleSpecs() {
  const specs = [];
  const role = (oldName, newName = oldName, dest = "to") => ({ old: oldName, new: newName, dest });
  // 0, 1: plain redirects (1 is also imported as a namespace and re-exported)
  for (const k of [0, 1]) {
    specs.push({
      k, kind: "redirect",
      from: `src/legacy/channel_registry_${k}`, to: `src/services/channel_hub_${k}`,
      roles: { cls: role(`ChannelRegistry${k}`), factory: role(`createChannelRegistry${k}`), options: role(`ChannelOptions${k}`), describe: role(`describeChannel${k}`) },
      message: "The channel hub is the single source of truth",
    });
  }
  // 2, 3: renames (class and factory renamed, options and describe keep their names)
  for (const k of [2, 3]) {
    specs.push({
      k, kind: "rename",
      from: `src/websocket_core/websocket_manager_factory_${k}`, to: `src/services/user_execution_context_${k}`,
      roles: {
        cls: role(`WebSocketManager${k}`, `UserExecutionContext${k}`),
        factory: role(`createWebSocketManager${k}`, `createDefensiveUserExecutionContext${k}`),
        options: role(`ManagerOptions${k}`),
        describe: role(`describeManager${k}`),
      },
      message: "Use the per-user execution context (the SSOT factory)",
    });
  }
  // 4: rename including `default` (the factory is the default export of the deprecated module)
  specs.push({
    k: 4, kind: "rename-default",
    from: `src/legacy/session_store_4`, to: `src/storage/session_repository_4`,
    roles: {
      cls: role(`SessionStore4`, `SessionRepository4`),
      factory: role(`default`, `createSessionRepository4`),
      options: role(`SessionStoreOptions4`, `SessionRepositoryOptions4`),
      describe: role(`describeSessionStore4`, `describeSessionRepository4`),
    },
  });
  // 5, 6: a symbol moves to another module (6 also renames), the rest goes to `to`
  for (const k of [5, 6]) {
    specs.push({
      k, kind: "move",
      from: `src/legacy/metrics_client_${k}`, to: `src/infra/telemetry_${k}`, moveTo: `src/utils/format_telemetry_${k}`,
      roles: {
        cls: role(`MetricsClient${k}`, k === 6 ? `TelemetryClient${k}` : `MetricsClient${k}`),
        factory: role(`createMetricsClient${k}`, k === 6 ? `createTelemetryClient${k}` : `createMetricsClient${k}`),
        options: role(`MetricsOptions${k}`),
        describe: role(`describeMetrics${k}`, k === 6 ? `formatTelemetry${k}` : `describeMetrics${k}`, "move"),
      },
    });
  }
  // 7: plain redirect, mostly `import type` and `export { … } from`
  specs.push({
    k: 7, kind: "redirect",
    from: `src/legacy/auth_policy_7`, to: `src/core/access_policy_7`,
    roles: { cls: role(`AuthPolicy7`), factory: role(`createAuthPolicy7`), options: role(`AuthPolicyOptions7`), describe: role(`describeAuthPolicy7`) },
  });
  // 8 → 9 → SSOT: a chain; rule 8's renames compose with rule 9's
  specs.push({
    k: 8, kind: "chain-head",
    from: `src/legacy/job_runner_8`, to: `src/legacy/task_scheduler_9`,
    roles: {
      cls: role(`JobRunner8`, `TaskScheduler9`), factory: role(`createJobRunner8`, `createTaskScheduler9`),
      options: role(`JobOptions8`, `SchedulerOptions9`), describe: role(`describeJob8`, `describeScheduler9`),
    },
  });
  specs.push({
    k: 9, kind: "rename",
    from: `src/legacy/task_scheduler_9`, to: `src/services/work_queue_9`,
    roles: {
      cls: role(`TaskScheduler9`, `WorkQueue9`), factory: role(`createTaskScheduler9`, `createWorkQueue9`),
      options: role(`SchedulerOptions9`, `WorkQueueOptions9`), describe: role(`describeScheduler9`),
    },
  });
  return specs;
}

/** Where an imported old name of rule `k` finally lives: follows chains, composing renames. */
export function resolveTarget(specs, k, oldName) {
  let spec = specs[k];
  let name = oldName;
  for (;;) {
    const r = Object.values(spec.roles).find((x) => x.old === name);
    const module = r && r.dest === "move" ? spec.moveTo : spec.to;
    const next = r ? r.new : name;
    const chained = specs.find((s) => s.from === module);
    if (!chained) return { module, name: next };
    spec = chained;
    name = next;
  }
}

export function rulesJson(specs) {
  return {
    $schema: "./node_modules/ssot-imports/schema.json",
    rules: specs.map((s) => {
      const symbols = {};
      for (const r of Object.values(s.roles)) {
        if (r.dest === "move") symbols[r.old] = { to: `./${s.moveTo}`, name: r.new };
        else if (r.new !== r.old) symbols[r.old] = r.new;
      }
      return {
        from: `./${s.from}`,
        to: `./${s.to}`,
        ...(Object.keys(symbols).length > 0 ? { symbols } : {}),
        ...(s.message ? { message: s.message } : {}),
      };
    }),
  };
}
