import { describe, expect, it } from 'vitest';
import { useStore } from '../../../src/store/useStore';
import { currentWorkspaceSettings, settingsPatch } from '../../../src/store/workspaceSettings';
import type { ScenarioEdit } from '../../../src/core/scenario';

describe('scenarios are saved with the workspace and in project files (issue 11)', () => {
  it('round-trips through the saved settings (edits as GeoJSON), keeps the active one, drops what does not parse', () => {
    const edits: ScenarioEdit[] = [
      { op: 'add', layer: 'facilities', id: 'new-1', geometry: { type: 'Point', coordinates: [118.123456789, 32.1] }, properties: { category: 'kindergarten', capacity: 180 } },
      { op: 'delete', layer: 'facilities', target_id: 'K7' },
      { op: 'close', layer: 'network', id: 'works', geometry: { type: 'Point', coordinates: [118.2, 32.2] } },
    ];
    useStore.setState({ scenarios: [{ id: 's1', name: '方案一', edits }, { id: 's2', name: 'empty', edits: [] }], activeScenarioId: 's1' });
    const saved = JSON.parse(JSON.stringify(currentWorkspaceSettings(useStore.getState())));
    expect(saved.scenarios[0].edits.type).toBe('FeatureCollection');
    useStore.setState({ scenarios: [], activeScenarioId: null });
    const patch = settingsPatch(saved, useStore.getState());
    expect(patch.scenarios).toEqual([{ id: 's1', name: '方案一', edits }, { id: 's2', name: 'empty', edits: [] }]);
    expect(patch.activeScenarioId).toBe('s1');
    const broken = settingsPatch({ scenarios: [{ id: 3 }, { id: 'x', name: 'x', edits: 'nope' }], activeScenarioId: 'gone' }, useStore.getState());
    expect(broken.scenarios).toEqual([{ id: 'x', name: 'x', edits: [] }]);
    expect(broken.activeScenarioId).toBeNull();
  });
});
