/**
 * Seed data for the MBX sandbox: API users (HMAC), the OAuth client, every ISO 3166-1 alpha-2
 * country and a deterministic item catalogue. Everything here is identical on every run so tests
 * and demos can rely on ids and values; the token values are placeholders, not real secrets.
 */

export interface MbxOrganization {
	organizationId: number;
	organizationName: string;
	publicToken: string;
	secretToken: string;
}

/** The demo organization: HMAC tokens plus the OAuth client that acts on its behalf. */
export const MBX_DEMO = {
	organizationId: 1234,
	organizationName: 'Demo Hardware Co',
	publicToken: 'demo-public-token',
	secretToken: 'demo-secret-token',
	clientId: 'demo-client-id',
	clientSecret: 'demo-client-secret',
	/** The client's predefined redirect URL, used when /oauth/authorize gets no redirect_uri. */
	redirectUri: 'http://localhost:5678/rest/oauth2-credential/callback',
} as const;

/** A second organization, so tests can prove one org never sees another org's data. */
export const MBX_OTHER_ORG = {
	organizationId: 5678,
	organizationName: 'Other Test Org',
	publicToken: 'other-public-token',
	secretToken: 'other-secret-token',
} as const;

export const MBX_ORGANIZATIONS: readonly MbxOrganization[] = [MBX_DEMO, MBX_OTHER_ORG];

export interface MbxCountry {
	id: number;
	name: string;
	iso_code: string;
	created_at: string;
	updated_at: string;
}

export interface MbxItem {
	id: number;
	name: string;
	description: string;
	item_category_id: number;
	stocked: boolean;
	weight: number | null;
	serialized: boolean;
	created_at: string;
	updated_at: string;
	purchasing_group_id: number;
	manufacturer_sku: string | null;
	archived_at: string | null;
	manufacturer_id: number | null;
	owner_id: number;
}

/**
 * ISO 3166-1 alpha-2 codes with English short names (249 entries). The first three follow the
 * vendor doc's sample response (Jersey, American Samoa, Australia); the rest are sorted by code.
 */
const COUNTRY_ROWS: ReadonlyArray<readonly [string, string]> = [
	['JE', 'Jersey'],
	['AS', 'American Samoa'],
	['AU', 'Australia'],
	['AD', 'Andorra'],
	['AE', 'United Arab Emirates'],
	['AF', 'Afghanistan'],
	['AG', 'Antigua and Barbuda'],
	['AI', 'Anguilla'],
	['AL', 'Albania'],
	['AM', 'Armenia'],
	['AO', 'Angola'],
	['AQ', 'Antarctica'],
	['AR', 'Argentina'],
	['AT', 'Austria'],
	['AW', 'Aruba'],
	['AX', 'Åland Islands'],
	['AZ', 'Azerbaijan'],
	['BA', 'Bosnia and Herzegovina'],
	['BB', 'Barbados'],
	['BD', 'Bangladesh'],
	['BE', 'Belgium'],
	['BF', 'Burkina Faso'],
	['BG', 'Bulgaria'],
	['BH', 'Bahrain'],
	['BI', 'Burundi'],
	['BJ', 'Benin'],
	['BL', 'Saint Barthélemy'],
	['BM', 'Bermuda'],
	['BN', 'Brunei Darussalam'],
	['BO', 'Bolivia'],
	['BQ', 'Bonaire, Sint Eustatius and Saba'],
	['BR', 'Brazil'],
	['BS', 'Bahamas'],
	['BT', 'Bhutan'],
	['BV', 'Bouvet Island'],
	['BW', 'Botswana'],
	['BY', 'Belarus'],
	['BZ', 'Belize'],
	['CA', 'Canada'],
	['CC', 'Cocos (Keeling) Islands'],
	['CD', 'Congo, The Democratic Republic of the'],
	['CF', 'Central African Republic'],
	['CG', 'Congo'],
	['CH', 'Switzerland'],
	['CI', 'Côte d\'Ivoire'],
	['CK', 'Cook Islands'],
	['CL', 'Chile'],
	['CM', 'Cameroon'],
	['CN', 'China'],
	['CO', 'Colombia'],
	['CR', 'Costa Rica'],
	['CU', 'Cuba'],
	['CV', 'Cabo Verde'],
	['CW', 'Curaçao'],
	['CX', 'Christmas Island'],
	['CY', 'Cyprus'],
	['CZ', 'Czechia'],
	['DE', 'Germany'],
	['DJ', 'Djibouti'],
	['DK', 'Denmark'],
	['DM', 'Dominica'],
	['DO', 'Dominican Republic'],
	['DZ', 'Algeria'],
	['EC', 'Ecuador'],
	['EE', 'Estonia'],
	['EG', 'Egypt'],
	['EH', 'Western Sahara'],
	['ER', 'Eritrea'],
	['ES', 'Spain'],
	['ET', 'Ethiopia'],
	['FI', 'Finland'],
	['FJ', 'Fiji'],
	['FK', 'Falkland Islands (Malvinas)'],
	['FM', 'Micronesia, Federated States of'],
	['FO', 'Faroe Islands'],
	['FR', 'France'],
	['GA', 'Gabon'],
	['GB', 'United Kingdom'],
	['GD', 'Grenada'],
	['GE', 'Georgia'],
	['GF', 'French Guiana'],
	['GG', 'Guernsey'],
	['GH', 'Ghana'],
	['GI', 'Gibraltar'],
	['GL', 'Greenland'],
	['GM', 'Gambia'],
	['GN', 'Guinea'],
	['GP', 'Guadeloupe'],
	['GQ', 'Equatorial Guinea'],
	['GR', 'Greece'],
	['GS', 'South Georgia and the South Sandwich Islands'],
	['GT', 'Guatemala'],
	['GU', 'Guam'],
	['GW', 'Guinea-Bissau'],
	['GY', 'Guyana'],
	['HK', 'Hong Kong'],
	['HM', 'Heard Island and McDonald Islands'],
	['HN', 'Honduras'],
	['HR', 'Croatia'],
	['HT', 'Haiti'],
	['HU', 'Hungary'],
	['ID', 'Indonesia'],
	['IE', 'Ireland'],
	['IL', 'Israel'],
	['IM', 'Isle of Man'],
	['IN', 'India'],
	['IO', 'British Indian Ocean Territory'],
	['IQ', 'Iraq'],
	['IR', 'Iran'],
	['IS', 'Iceland'],
	['IT', 'Italy'],
	['JM', 'Jamaica'],
	['JO', 'Jordan'],
	['JP', 'Japan'],
	['KE', 'Kenya'],
	['KG', 'Kyrgyzstan'],
	['KH', 'Cambodia'],
	['KI', 'Kiribati'],
	['KM', 'Comoros'],
	['KN', 'Saint Kitts and Nevis'],
	['KP', 'North Korea'],
	['KR', 'South Korea'],
	['KW', 'Kuwait'],
	['KY', 'Cayman Islands'],
	['KZ', 'Kazakhstan'],
	['LA', 'Laos'],
	['LB', 'Lebanon'],
	['LC', 'Saint Lucia'],
	['LI', 'Liechtenstein'],
	['LK', 'Sri Lanka'],
	['LR', 'Liberia'],
	['LS', 'Lesotho'],
	['LT', 'Lithuania'],
	['LU', 'Luxembourg'],
	['LV', 'Latvia'],
	['LY', 'Libya'],
	['MA', 'Morocco'],
	['MC', 'Monaco'],
	['MD', 'Moldova'],
	['ME', 'Montenegro'],
	['MF', 'Saint Martin (French part)'],
	['MG', 'Madagascar'],
	['MH', 'Marshall Islands'],
	['MK', 'North Macedonia'],
	['ML', 'Mali'],
	['MM', 'Myanmar'],
	['MN', 'Mongolia'],
	['MO', 'Macao'],
	['MP', 'Northern Mariana Islands'],
	['MQ', 'Martinique'],
	['MR', 'Mauritania'],
	['MS', 'Montserrat'],
	['MT', 'Malta'],
	['MU', 'Mauritius'],
	['MV', 'Maldives'],
	['MW', 'Malawi'],
	['MX', 'Mexico'],
	['MY', 'Malaysia'],
	['MZ', 'Mozambique'],
	['NA', 'Namibia'],
	['NC', 'New Caledonia'],
	['NE', 'Niger'],
	['NF', 'Norfolk Island'],
	['NG', 'Nigeria'],
	['NI', 'Nicaragua'],
	['NL', 'Netherlands'],
	['NO', 'Norway'],
	['NP', 'Nepal'],
	['NR', 'Nauru'],
	['NU', 'Niue'],
	['NZ', 'New Zealand'],
	['OM', 'Oman'],
	['PA', 'Panama'],
	['PE', 'Peru'],
	['PF', 'French Polynesia'],
	['PG', 'Papua New Guinea'],
	['PH', 'Philippines'],
	['PK', 'Pakistan'],
	['PL', 'Poland'],
	['PM', 'Saint Pierre and Miquelon'],
	['PN', 'Pitcairn'],
	['PR', 'Puerto Rico'],
	['PS', 'Palestine, State of'],
	['PT', 'Portugal'],
	['PW', 'Palau'],
	['PY', 'Paraguay'],
	['QA', 'Qatar'],
	['RE', 'Réunion'],
	['RO', 'Romania'],
	['RS', 'Serbia'],
	['RU', 'Russian Federation'],
	['RW', 'Rwanda'],
	['SA', 'Saudi Arabia'],
	['SB', 'Solomon Islands'],
	['SC', 'Seychelles'],
	['SD', 'Sudan'],
	['SE', 'Sweden'],
	['SG', 'Singapore'],
	['SH', 'Saint Helena, Ascension and Tristan da Cunha'],
	['SI', 'Slovenia'],
	['SJ', 'Svalbard and Jan Mayen'],
	['SK', 'Slovakia'],
	['SL', 'Sierra Leone'],
	['SM', 'San Marino'],
	['SN', 'Senegal'],
	['SO', 'Somalia'],
	['SR', 'Suriname'],
	['SS', 'South Sudan'],
	['ST', 'Sao Tome and Principe'],
	['SV', 'El Salvador'],
	['SX', 'Sint Maarten (Dutch part)'],
	['SY', 'Syria'],
	['SZ', 'Eswatini'],
	['TC', 'Turks and Caicos Islands'],
	['TD', 'Chad'],
	['TF', 'French Southern Territories'],
	['TG', 'Togo'],
	['TH', 'Thailand'],
	['TJ', 'Tajikistan'],
	['TK', 'Tokelau'],
	['TL', 'Timor-Leste'],
	['TM', 'Turkmenistan'],
	['TN', 'Tunisia'],
	['TO', 'Tonga'],
	['TR', 'Türkiye'],
	['TT', 'Trinidad and Tobago'],
	['TV', 'Tuvalu'],
	['TW', 'Taiwan'],
	['TZ', 'Tanzania'],
	['UA', 'Ukraine'],
	['UG', 'Uganda'],
	['UM', 'United States Minor Outlying Islands'],
	['US', 'United States'],
	['UY', 'Uruguay'],
	['UZ', 'Uzbekistan'],
	['VA', 'Holy See (Vatican City State)'],
	['VC', 'Saint Vincent and the Grenadines'],
	['VE', 'Venezuela'],
	['VG', 'Virgin Islands, British'],
	['VI', 'Virgin Islands, U.S.'],
	['VN', 'Vietnam'],
	['VU', 'Vanuatu'],
	['WF', 'Wallis and Futuna'],
	['WS', 'Samoa'],
	['YE', 'Yemen'],
	['YT', 'Mayotte'],
	['ZA', 'South Africa'],
	['ZM', 'Zambia'],
	['ZW', 'Zimbabwe'],
];

export function seedCountries(): MbxCountry[] {
	return COUNTRY_ROWS.map(([isoCode, name], index) => ({
		id: index + 1,
		name,
		iso_code: isoCode,
		// The vendor doc shows the same two timestamps on every country.
		created_at: '2015-06-24T13:41:11.563Z',
		updated_at: '2015-06-24T13:41:29.573Z',
	}));
}

/** mulberry32: a tiny seeded PRNG, so the catalogue is varied yet identical on every run. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PRODUCTS = [
	'Server Chassis',
	'Rackmount Appliance',
	'Edge Gateway',
	'Storage Node',
	'Network Switch',
	'Power Supply',
	'Riser Card',
	'Cooling Fan',
	'Drive Caddy',
	'Bezel Kit',
] as const;
const VARIANTS = ['1U', '2U', '4U', 'Mini', 'Tower', 'Short-Depth'] as const;

/** Demo-org item ids start here, so an id is never mistaken for a list position. */
export const FIRST_ITEM_ID = 100001;
export const DEMO_ITEM_COUNT = 1200;
export const OTHER_ORG_ITEM_COUNT = 30;

const BASE_CREATED = Date.UTC(2009, 1, 17, 10, 52, 0);
const HOUR = 3600 * 1000;

/** The `index`-th item (0-based, counted per owner) of an organization; names number items by it, so they stay unique. */
export function makeItem(id: number, ownerId: number, index: number, random: () => number): MbxItem {
	const product = PRODUCTS[index % PRODUCTS.length];
	const variant = VARIANTS[Math.floor(random() * VARIANTS.length)];
	const created = BASE_CREATED + index * 37 * HOUR;
	const updated = created + Math.floor(random() * 2000) * HOUR;
	// About one in eight items is archived; archiving happens at the last update.
	const archived = random() < 0.125 ? new Date(updated).toISOString() : null;
	const hasManufacturer = random() < 0.6;
	return {
		id,
		name: `${product} ${variant} #${String(index + 1).padStart(4, '0')}`,
		description: `${variant} ${product.toLowerCase()} for org ${ownerId}`,
		item_category_id: 1 + (index % 12),
		stocked: random() < 0.5,
		weight: random() < 0.3 ? null : Math.round(random() * 40000) / 100,
		serialized: random() < 0.7,
		created_at: new Date(created).toISOString(),
		updated_at: new Date(updated).toISOString(),
		purchasing_group_id: 1 + (index % 3),
		manufacturer_sku: hasManufacturer ? `MFR-${String(10000 + index * 7).padStart(6, '0')}` : null,
		archived_at: archived,
		manufacturer_id: hasManufacturer ? 1 + Math.floor(random() * 20) : null,
		owner_id: ownerId,
	};
}

/** 1,200 items owned by the demo org, then a few owned by the second org (ids continue). */
export function seedItems(): MbxItem[] {
	const random = prng(20150424);
	const items: MbxItem[] = [];
	for (let i = 0; i < DEMO_ITEM_COUNT; i++) {
		items.push(makeItem(FIRST_ITEM_ID + i, MBX_DEMO.organizationId, i, random));
	}
	for (let i = 0; i < OTHER_ORG_ITEM_COUNT; i++) {
		items.push(makeItem(FIRST_ITEM_ID + DEMO_ITEM_COUNT + i, MBX_OTHER_ORG.organizationId, i, random));
	}
	return items;
}
