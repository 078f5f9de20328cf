/**
 * Keeps a failing pane from taking the whole editor down: shows what failed
 * and offers to retry; the document is untouched (it lives in the store).
 *
 * @example <ErrorBoundary name="Service graph"><ServiceGraph /></ErrorBoundary>
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/** An error boundary around one pane. */
export class ErrorBoundary extends Component<{ name: string; children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="pane-error" role="alert">
        <p><b>{this.props.name}</b> stopped working: {this.state.error.message}</p>
        <p className="muted">Your configuration is safe. Retry, or keep working in the other panes.</p>
        <button type="button" className="button small" onClick={() => this.setState({ error: null })}>Retry</button>
      </div>
    );
  }
}
