import { h } from '../jsx.js';
import type { PageContext } from '../layout.js';

/** The towns of the city with their villages (communities), in the city's order. */
export interface TownChoice { id: string; name: string; villages: { id: string; name: string }[] }

export function townChoices(regions: { id: string; name: string; level: string; parent_id: string | null }[]): TownChoice[] {
  return regions.filter((r) => r.level === 'town').map((town) => ({
    id: town.id, name: town.name,
    villages: regions.filter((r) => r.level === 'village' && r.parent_id === town.id).map((v) => ({ id: v.id, name: v.name })),
  }));
}

function errorProps(name: string, hint: boolean, error: string | undefined) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? 'true' : null, 'aria-describedby': describedBy || null };
}

/**
 * A select for the town and one for the village. Without JavaScript the village list holds every village
 * grouped by town (<optgroup>) and the server checks that the two agree; portal.js narrows it to the chosen town.
 */
export function HomeRegionFields(props: { ctx: PageContext; towns: TownChoice[]; townId?: string; villageId?: string; errors: Record<string, string> }) {
  const { t } = props.ctx;
  const townError = props.errors.homeTownId;
  const villageError = props.errors.homeVillageId;
  return (
    <div class="home-region">
      <div class="field">
        <label htmlFor="homeTownId">{t('profile.home_town')}</label>
        <select id="homeTownId" name="homeTownId" autocomplete="off" {...errorProps('homeTownId', true, townError)}>
          <option value="">{t('profile.choose')}</option>
          {props.towns.map((town) => <option value={town.id} selected={town.id === props.townId}>{town.name}</option>)}
        </select>
        <p class="hint" id="homeTownId-hint">{t('profile.home_hint')}</p>
        {townError ? <p class="error" id="homeTownId-error">{townError}</p> : null}
      </div>
      <div class="field">
        <label htmlFor="homeVillageId">{t('profile.home_village')}</label>
        <select id="homeVillageId" name="homeVillageId" autocomplete="off" data-town-select="homeTownId" {...errorProps('homeVillageId', false, villageError)}>
          <option value="">{t('profile.choose')}</option>
          {props.towns.map((town) => (
            <optgroup label={town.name} data-town={town.id}>
              {town.villages.map((v) => <option value={v.id} selected={v.id === props.villageId}>{v.name}</option>)}
            </optgroup>
          ))}
        </select>
        {villageError ? <p class="error" id="homeVillageId-error">{villageError}</p> : null}
      </div>
    </div>
  );
}
