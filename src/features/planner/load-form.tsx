/**
 * The planner's inputs: expected load per protocol, the server, the login
 * process mode, the server's role and the headroom.
 *
 * @example <LoadForm input={input} problems={plan.inputProblems} onChange={setInput} />
 */
import { INPUT_RANGES, PLAN_PROTOCOLS, type InputProblem, type LoginMode, type PlanInput, type PlanProtocol, type PlanRole } from '../../core/planner/index.ts';
import { NumberField } from './number-field.tsx';

const PROTOCOL_LABEL: Record<PlanProtocol, string> = {
  imap: 'IMAP connections',
  pop3: 'POP3 connections',
  submission: 'Submission connections',
  managesieve: 'ManageSieve connections',
};

const MODES: readonly { mode: LoginMode; title: string; text: string }[] = [
  { mode: 'high-security', title: 'High-security', text: 'One login process per connection' },
  { mode: 'high-performance', title: 'High-performance', text: 'One login process per CPU core, many clients each' },
];

const ROLES: readonly { role: PlanRole; title: string }[] = [
  { role: 'single', title: 'Single server' },
  { role: 'backend', title: 'Backend behind proxies' },
  { role: 'proxy', title: 'Proxy in front of backends' },
];

const GIB = 1024 ** 3;

/** Props of the form. */
export interface LoadFormProps {
  readonly input: PlanInput;
  readonly problems: readonly InputProblem[];
  readonly onChange: (next: PlanInput) => void;
}

/** Planner inputs. */
export function LoadForm({ input, problems, onChange }: LoadFormProps) {
  const problem = (field: string) => problems.find((p) => p.field === field)?.message;
  const set = (patch: Partial<PlanInput>) => onChange({ ...input, ...patch });
  const clusterHint = input.role === 'single' ? undefined : 'Loads are for the whole installation; the planner splits them.';
  return (
    <form className="pl-form" aria-label="Planner inputs" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Expected peak load</legend>
        {PLAN_PROTOCOLS.map((p) => (
          <NumberField
            key={p}
            label={PROTOCOL_LABEL[p]}
            value={input.connections[p]}
            min={INPUT_RANGES.connections.min}
            max={INPUT_RANGES.connections.max}
            problem={problem(`connections.${p}`)}
            {...(p === 'managesieve' ? { hint: 'Needs Pigeonhole (dovecot-managesieved)' } : {})}
            onChange={(n) => set({ connections: { ...input.connections, [p]: n } })}
          />
        ))}
        <NumberField
          label="LMTP deliveries in parallel"
          value={input.lmtpParallel}
          min={INPUT_RANGES.lmtpParallel.min}
          max={INPUT_RANGES.lmtpParallel.max}
          hint="The MTA's concurrency towards Dovecot (Postfix default: 20)"
          problem={problem('lmtpParallel')}
          onChange={(n) => set({ lmtpParallel: n })}
        />
        {clusterHint ? <p className="pl-hint">{clusterHint}</p> : null}
      </fieldset>

      <fieldset>
        <legend>Server</legend>
        <NumberField label="CPU cores" value={input.cores} min={INPUT_RANGES.cores.min} max={INPUT_RANGES.cores.max} problem={problem('cores')} onChange={(n) => set({ cores: n })} />
        <NumberField label="RAM" unit="GiB" step={0.5} value={input.ramBytes / GIB} min={0.0625} max={1024 * 1024} problem={problem('ramBytes')} onChange={(n) => set({ ramBytes: Math.round(n * GIB) })} />
        <NumberField label="ulimit -n" value={input.ulimit} min={INPUT_RANGES.ulimit.min} max={INPUT_RANGES.ulimit.max} hint="Open files of the master (systemd LimitNOFILE)" problem={problem('ulimit')} onChange={(n) => set({ ulimit: n })} />
      </fieldset>

      <fieldset className="pl-modes">
        <legend>Login processes</legend>
        {MODES.map((m) => (
          <label key={m.mode} className={`pl-choice${input.loginMode === m.mode ? ' is-on' : ''}`}>
            <input type="radio" name="pl-login-mode" value={m.mode} checked={input.loginMode === m.mode} onChange={() => set({ loginMode: m.mode })} />
            <span>
              <strong>{m.title}</strong>
              <small>{m.text}</small>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Role</legend>
        <div className="pl-field is-wide">
          <label htmlFor="pl-role">Server role</label>
          <select id="pl-role" value={input.role} onChange={(e) => set({ role: ROLES.find((r) => r.role === e.target.value)?.role ?? 'single' })}>
            {ROLES.map((r) => <option key={r.role} value={r.role}>{r.title}</option>)}
          </select>
        </div>
        {input.role === 'single' ? null : (
          <>
            <NumberField label="Proxies" value={input.proxies} min={INPUT_RANGES.proxies.min} max={INPUT_RANGES.proxies.max} problem={problem('proxies')} onChange={(n) => set({ proxies: n })} />
            <NumberField label="Backends" value={input.backends} min={INPUT_RANGES.backends.min} max={INPUT_RANGES.backends.max} problem={problem('backends')} onChange={(n) => set({ backends: n })} />
          </>
        )}
        <NumberField
          label="Headroom"
          unit="%"
          value={input.headroomPercent}
          min={INPUT_RANGES.headroomPercent.min}
          max={INPUT_RANGES.headroomPercent.max}
          hint="Capacity = ⌈expected × (1 + headroom)⌉"
          problem={problem('headroomPercent')}
          onChange={(n) => set({ headroomPercent: n })}
        />
      </fieldset>
    </form>
  );
}
