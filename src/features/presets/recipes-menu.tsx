/**
 * The recipes: one click each (one undo step), with a field for the mail user
 * where a recipe needs one. Recipes already in effect say so.
 *
 * @example <RecipesButton />
 */
// oxlint-disable-next-line import/no-unassigned-import -- this feature's stylesheet
import './presets.css';
import { useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { Icon } from '../../components/icon.tsx';
import { selectAnalysis } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { recipeInEffect, recipeSteps } from './recipe-steps.ts';
import { RECIPES, type Recipe } from './recipes.ts';

const selectResolved = (s: EditorState) => selectAnalysis(s).resolved;

function RecipeItem({ recipe, onDone }: { recipe: Recipe; onDone: () => void }) {
  const store = useEditorStore();
  const resolved = useEditor(selectResolved);
  const [user, setUser] = useState('vmail');
  const u = user.trim();
  const changes = recipe.changes(resolved.version, recipe.asksUser ? { user: u } : {});
  const done = recipeInEffect(changes, resolved);
  const apply = () => {
    const s = store.getState();
    s.applyEditSteps(recipeSteps(changes), recipe.asksUser ? `${recipe.title} (${u})` : recipe.title);
    const first = changes[0];
    if (first !== undefined) s.select(first.service, first.op === 'listener' ? first.name : null);
    onDone();
  };
  return (
    <li className="recipe">
      <div className="recipe-text">
        <h3>{recipe.title}</h3>
        <p>{recipe.summary}</p>
        {recipe.asksUser ? (
          <label className="inline-label">
            <span>Mail user</span>
            <input value={user} spellCheck={false} onChange={(e) => setUser(e.target.value)} aria-label="Mail user name" />
          </label>
        ) : null}
      </div>
      <div className="recipe-side">
        {done ? <span className="status-pill status-ok"><Icon name="check" size={12} /> in effect</span> : null}
        <button type="button" className="button primary small" disabled={done || (recipe.asksUser === true && u === '')} onClick={apply}>
          Apply
        </button>
      </div>
    </li>
  );
}

/** The recipes button and dialog. */
export function RecipesButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button toolbar-button" onClick={() => setOpen(true)} title="Common edits: Postfix sockets, cleartext ports, permissions">
        <Icon name="wand" />
        <span>Recipes</span>
      </button>
      {open ? (
        <Dialog title="Recipes" description="The edits admins make most often. Each is one undo step." onClose={() => setOpen(false)}>
          <ul className="recipe-list">
            {RECIPES.map((r) => <RecipeItem key={r.id} recipe={r} onDone={() => setOpen(false)} />)}
          </ul>
        </Dialog>
      ) : null}
    </>
  );
}
