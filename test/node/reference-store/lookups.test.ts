// Countries (GET /countries, /countries/{cc}/states) and address autocomplete (/places…).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, LIVE, PL, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true });
});

/** Simple reads: no header at all, as a cross-origin page sends them without a preflight. */
const bare = async (path: string, key = DEMO) => {
  const r = await fetch(`${h.url}/public/${key}${path}`);
  return { status: r.status, json: await r.json() };
};

describe('GET /countries', () => {
  it('lists every country with success: true, names in the locale, subdivisions for US, CA and AU', async () => {
    const r = await bare('/countries?locale=en');
    assert.equal(r.status, 200);
    assert.equal(r.json.success, true);
    assert.equal(r.json.data.locale, 'en');
    const { countries } = r.json.data;
    assert.ok(countries.length >= 240, String(countries.length));
    const us = countries.find((c: { code: string }) => c.code === 'US');
    assert.deepEqual(
      { ...us, subdivisions: us.subdivisions.length },
      {
        code: 'US',
        name: 'United States',
        phoneCode: '+1',
        currency: 'USD',
        flag: '🇺🇸',
        requiresState: true,
        subdivisions: 51,
        stateNameType: 'state',
        postalRegex: '\\d{5}(?:-\\d{4})?',
        postalExample: '94105',
      },
    );
    assert.deepEqual(
      us.subdivisions.find((s: { code: string }) => s.code === 'NY'),
      { code: 'NY', name: 'New York' },
    );
    const byCode = (code: string) => countries.find((c: { code: string }) => c.code === code);
    assert.equal(byCode('CA').subdivisions.length, 13);
    assert.equal(byCode('CA').stateNameType, 'province');
    assert.equal(byCode('AU').subdivisions.length, 8);
    assert.deepEqual(
      [byCode('GB').subdivisions, byCode('GB').requiresState, byCode('GB').postalExample],
      [null, false, 'SW1A 1AA'],
    );
    assert.deepEqual(
      [byCode('JP').requiresState, byCode('JP').subdivisions, byCode('JP').stateNameType],
      [true, null, 'prefecture'],
    );
    assert.deepEqual([byCode('AE').postalRegex, byCode('KR').stateNameType], [null, 'do_si']);
    const names = countries.map((c: { name: string }) => c.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('compiles every postal pattern anchored with the u flag, and each example matches its own', async () => {
    const { countries } = (await bare('/countries')).json.data;
    for (const c of countries.filter((x: { postalRegex: string | null }) => x.postalRegex)) {
      assert.match(c.postalExample, new RegExp(`^(?:${c.postalRegex})$`, 'u'), c.code);
    }
  });

  it('translates names for the locale (subdivisions stay English) and falls back on a bad locale', async () => {
    const de = (await bare('/countries?locale=de')).json.data;
    assert.equal(de.countries.find((c: { code: string }) => c.code === 'DE').name, 'Deutschland');
    assert.equal(de.countries.find((c: { code: string }) => c.code === 'US').subdivisions[0].name, 'Alabama');
    const bad = await bare('/countries?locale=%%%');
    assert.equal(bad.status, 200);
    assert.equal(bad.json.data.locale, 'en');
  });

  it('limits shippable=1 to the store’s shipping destinations', async () => {
    const demo = (await bare('/countries?shippable=1')).json.data.countries.map((c: { code: string }) => c.code);
    assert.ok(demo.includes('US') && demo.includes('DE'));
    assert.ok(!demo.includes('KP') && !demo.includes('AQ'), 'the demo store does not ship there');
    const pl = (await bare('/countries?shippable=1&locale=pl', PL)).json.data.countries.map(
      (c: { code: string }) => c.code,
    );
    assert.ok(pl.includes('PL') && pl.includes('FR') && !pl.includes('US'));
    assert.deepEqual(
      (await bare('/countries?shippable=1', LIVE)).json.data.countries.map((c: { code: string }) => c.code),
      ['GB'],
    );
  });
});

describe('GET /countries/{cc}/states', () => {
  it('serves the same subdivisions with ISO 3166-2 codes, [] where there is no list, 404 for no country', async () => {
    const ca = await bare('/countries/ca/states?locale=fr');
    assert.equal(ca.status, 200);
    assert.equal(ca.json.success, true);
    assert.deepEqual(ca.json.data.country, { code: 'CA', name: 'Canada' });
    assert.deepEqual(
      ca.json.data.states.find((s: { code: string }) => s.code === 'QC'),
      { code: 'QC', iso3166_2: 'CA-QC', name: 'Quebec' },
    );
    assert.deepEqual((await bare('/countries/GB/states')).json.data.states, []);
    const none = await bare('/countries/XX/states');
    assert.equal(none.status, 404);
    assert.equal(none.json.error.code, 'NOT_FOUND');
  });
});

describe('/places (address autocomplete)', () => {
  const session = '3f1c2a9e-4b7d-4c1e-9a55-0d9e8b7c6a51';

  it('predicts from the built-in set, filtered by country, and resolves details as strings', async () => {
    const r = await bare(`/places/autocomplete?query=${encodeURIComponent('baker st')}&sessionToken=${session}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.data.predictions, [
      { placeId: 'plc_008', mainText: '221B Baker Street', secondaryText: 'London, NW1 6XE, GB' },
    ]);
    const us = (await bare(`/places/autocomplete?query=main&sessionToken=${session}&country=US`)).json.data.predictions;
    assert.deepEqual(
      us.map((p: { mainText: string }) => p.mainText),
      ['1 Main St', '500 Main Street'],
    );
    assert.deepEqual(
      (await bare(`/places/autocomplete?query=ma&sessionToken=${session}`)).json.data.predictions,
      [],
      'under 3 characters',
    );
    const details = await bare(`/places/details?placeId=plc_001&sessionToken=${session}`);
    assert.deepEqual(details.json.data, {
      line1: '1 Main St',
      line2: 'Apt 4',
      city: 'Brooklyn',
      stateCode: 'NY',
      countryCode: 'US',
      postalCode: '11201',
    });
    const partial = (await bare(`/places/details?placeId=plc_012&sessionToken=${session}`)).json.data;
    assert.equal(partial.line1, '', 'unknown parts are empty strings');
    assert.equal((await bare(`/places/details?placeId=plc_999&sessionToken=${session}`)).status, 404);
  });

  it('requires a sessionToken (422) and is a 404 for stores without the feature', async () => {
    const missing = await bare('/places/autocomplete?query=main');
    assert.equal(missing.status, 422);
    assert.deepEqual(
      missing.json.error.details.map((d: { field: string }) => d.field),
      ['sessionToken'],
    );
    assert.equal((await bare('/places/details?placeId=plc_001')).status, 422);
    assert.equal((await bare(`/places/autocomplete?query=main&sessionToken=${session}`, PL)).status, 404);
    assert.equal((await bare(`/places/details?placeId=plc_001&sessionToken=${session}`, LIVE)).status, 404);
  });
});
