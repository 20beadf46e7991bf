import type { Schemas } from '../api/client'

// Answers of the fund API for the unit tests.

export const FUND: Schemas['Fund'] = {
  id: 5,
  code: 'MDFM-2019-2021',
  name: 'Multi-donor Funding Modality 2019–2021',
  startsOn: '2019-01-01',
  endsOn: '2021-12-31',
  baseCurrency: 'USD',
  target: '1000000.00',
  agentOrganisationId: 1,
  agentFeePercent: null,
  budgetLines: [
    { id: 11, code: '1.1', name: 'Training modules on the thematic topics', planned: '200000.00' },
    { id: 12, code: '1.2', name: 'Capacity-building workshops for policy-makers', planned: '200000.00' },
  ],
}

export const DONOR: Schemas['Donor'] = {
  id: 3,
  memberId: null,
  organisationId: 40,
  name: 'Example Ministry of Education',
  donorType: 'GOVERNMENT',
  anonymous: false,
  username: 'donor',
}

export const STATEMENT: Schemas['DonorStatement'] = {
  fundId: 5,
  donor: DONOR,
  page: 1,
  size: 50,
  pledgesTotal: 1,
  receiptsTotal: 2,
  usesTotal: 0,
  pledges: [
    {
      movementId: 41,
      date: '2019-03-01',
      amount: '250000.00',
      currency: 'EUR',
      amountUsd: '271250.00',
      earmark: { kind: 'REGION', region: 'AFRICA' },
      received: '125000.00',
      outstanding: '125000.00',
      reversed: false,
    },
  ],
  receipts: [
    {
      movementId: 42,
      valueDate: '2019-06-28',
      pledgeId: 41,
      amount: '125000.00',
      currency: 'EUR',
      exchangeRate: '1.085',
      amountUsd: '135625.00',
      bankReference: 'DEUTDEFF-0628',
      earmark: { kind: 'REGION', region: 'AFRICA' },
      reversed: false,
    },
    {
      movementId: 43,
      valueDate: '2019-09-30',
      pledgeId: null,
      amount: '5000000',
      currency: 'JPY',
      exchangeRate: '0.0091',
      amountUsd: '45500.00',
      bankReference: null,
      earmark: { kind: 'NONE' },
      reversed: false,
    },
  ],
  totalReceivedUsd: '181125.00',
}

export function movement(kind: Schemas['MovementKind'], legs: Schemas['JournalLeg'][]): Schemas['Movement'] {
  return {
    id: 77,
    fundId: 5,
    kind,
    donorId: 3,
    pledgeId: null,
    allocationId: null,
    budgetLineId: null,
    amount: legs[0].amount ?? null,
    currency: legs[0].currency ?? null,
    exchangeRate: null,
    amountUsd: legs[0].amountUsd,
    valueDate: '2019-03-01',
    earmark: null,
    beneficiaryRegion: null,
    beneficiaryIncomeGroup: null,
    incomeGroupEdition: null,
    bankReference: null,
    expectedPaymentDates: null,
    description: null,
    entry: {
      id: 88,
      movementId: 77,
      kind,
      valueDate: '2019-03-01',
      donorId: 3,
      reversesEntryId: null,
      reversedByEntryId: null,
      description: null,
      postedBy: 'fund-manager',
      postedAt: '2019-03-01T10:00:00Z',
      legs,
    },
  }
}

/** The API's answer to a movement POST with dryRun=true: the entry it would post, written nowhere. */
export function preview(kind: Schemas['MovementKind'], legs: Schemas['JournalLeg'][]): Schemas['MovementPreview'] {
  return {
    dryRun: true,
    kind,
    donorId: null,
    valueDate: '2019-03-01',
    amount: legs[0].amount ?? null,
    currency: legs[0].currency ?? null,
    exchangeRate: null,
    amountUsd: legs[0].amountUsd,
    description: null,
    reversesEntryId: null,
    legs,
  }
}
