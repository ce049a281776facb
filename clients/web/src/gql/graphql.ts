/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AbsenceInput = {
  childId: string | number;
  date: string;
  /** Required for LATE: when the child will arrive. */
  expectedArrival?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
  kind: AbsenceKind;
  note?: string | null | undefined;
  reason: AbsenceReason;
  symptoms?: Array<Symptom> | null | undefined;
};

export type AbsenceKind =
  | 'ABSENCE'
  | 'EARLY_PICKUP'
  | 'LATE';

export type AbsenceReason =
  | 'FAMILY'
  | 'ILLNESS'
  | 'MEDICAL_APPOINTMENT'
  | 'OTHER';

/**
 * The editable fields of a report, whole (the child, the kind and the date stay: to change
 * those, withdraw the report and report again).
 */
export type AbsenceUpdateInput = {
  /** Required for LATE: when the child will arrive, on the report's date. */
  expectedArrival?: string | null | undefined;
  note?: string | null | undefined;
  reason: AbsenceReason;
  symptoms?: Array<Symptom> | null | undefined;
};

/** How an open check ended: the child arrived, the family reported, staff closed it. */
export type ArrivalCheckResolution =
  | 'ARRIVED'
  | 'CLOSED_BY_STAFF'
  | 'REPORTED';

export type AttendanceKind =
  | 'CHECK_IN'
  | 'CHECK_OUT';

export type AuditAccess =
  | 'READ'
  | 'WRITE';

/** Why a day is open or closed. */
export type CalendarDayStatus =
  | 'CLOSED_HOLIDAY'
  | 'CLOSED_WEEKDAY'
  /** 12/29–1/3. */
  | 'CLOSED_YEAR_END'
  /** Closed by the head. */
  | 'CLOSURE'
  | 'OPEN'
  /** Opened by the head on a day the week or a holiday would close. */
  | 'SPECIAL_OPEN';

export type CareAlertKind =
  | 'FEVER'
  | 'NAP_BREATHING'
  | 'NAP_CHECK_OVERDUE'
  | 'NAP_POSITION'
  | 'NOTEBOOK_PUBLISHED';

/** What kind of care record was made (for the nursery's other screens, which then reload it). */
export type CareRecordKind =
  | 'HEALTH_CHECK'
  | 'MEAL'
  | 'NAP_CHECK'
  | 'NAP_ENDED';

export type CheckInInput = {
  childId: string | number;
  /** Replaying the same key returns the first result and records nothing twice. */
  idempotencyKey?: string | null | undefined;
  /** For an arrival entered late: when it happened (today, not in the future). */
  occurredAt?: string | null | undefined;
};

export type CheckOutInput = {
  childId: string | number;
  idempotencyKey?: string | null | undefined;
  occurredAt?: string | null | undefined;
  /** Who picked the child up, when not a registered guardian (e.g. 祖母). */
  pickupBy?: string | null | undefined;
  /**
   * The person of the family's pickup list who collected (お迎え). A check-out by someone
   * neither on the confirmed list nor today's confirmed one-off person is recorded and
   * warned to the nursery (`pickupWarningUpdates`).
   */
  pickupPersonId?: string | number | null | undefined;
};

export type ChildCorrectionInput = {
  birthDate?: string | null | undefined;
  name?: string | null | undefined;
  nameKana?: string | null | undefined;
};

/** What a code is for. */
export type CodePurpose =
  /** Creates the account it carries. */
  | 'INVITATION'
  /** Sets a new password for an existing account. */
  | 'RESET';

/** Where a code stands. */
export type CodeStatus =
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED'
  | 'USED';

/** How an open check ended: the child was checked out, or staff explained it. */
export type DepartureCheckResolution =
  | 'CHECKED_OUT'
  | 'EXPLAINED';

export type GrowthInput = {
  childId: string | number;
  /** 40–130 cm. */
  heightCm?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
  measuredOn: string;
  /** 1.5–40 kg. */
  weightKg?: number | null | undefined;
};

export type HealthCheckInput = {
  childId: string | number;
  idempotencyKey?: string | null | undefined;
  note?: string | null | undefined;
  recordedAt?: string | null | undefined;
  symptoms?: Array<Symptom> | null | undefined;
  /** 34.0–42.5 °C, one decimal. */
  temperatureC?: number | null | undefined;
};

export type InviteUserInput = {
  displayName: string;
  email: string;
  /** "ja" (default) or "en": the language of the letter and of the account. */
  locale?: string | null | undefined;
  role: Role;
  /** The municipality (officers), nursery (heads, staff) or family (guardians). */
  scopeId?: string | number | null | undefined;
};

export type JournalDraftInput = {
  /**
   * JSON of the sections. A contact notebook page: `{"home": {...}}` from a guardian,
   * `{"nursery": {...}}` from staff.
   */
  body: string;
  childId?: string | number | null | undefined;
  classroomId?: string | number | null | undefined;
  /** Absent: create a new draft. */
  journalId?: string | number | null | undefined;
  kind: JournalKind;
  periodEnd: string;
  periodStart: string;
  /** Required when journalId is given; a stale one is CONFLICT. */
  revision?: number | null | undefined;
};

export type JournalKind =
  | 'CONTACT_NOTEBOOK'
  | 'DAILY_DIARY'
  | 'GUIDANCE_PLAN';

export type JournalStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'RETURNED'
  | 'SUBMITTED';

export type MealAmount =
  | 'ALL'
  | 'HALF'
  | 'LITTLE'
  | 'MOST'
  | 'NONE';

export type MealInput = {
  amount: MealAmount;
  childId: string | number;
  date: string;
  idempotencyKey?: string | null | undefined;
  /** BREAKFAST (guardians, at home), MORNING_SNACK, LUNCH or AFTERNOON_SNACK. */
  meal: string;
  note?: string | null | undefined;
};

export type NapCheckInput = {
  breathingOk: boolean;
  checkedAt?: string | null | undefined;
  childId: string | number;
  idempotencyKey?: string | null | undefined;
  position: SleepPosition;
};

/** A nursery's week and times. Times are local, "HH:MM" or "HH:MM:SS". */
export type NurseryHoursInput = {
  /** When the not-yet-arrived check (登園確認) runs; default 09:30. */
  arrivalCheckAt: string;
  closesAt: string;
  /** How long after a reported arrival time a late child counts as not arrived. */
  lateGraceMinutes: number;
  /** Open weekdays, 1 (Monday) to 7 (Sunday). */
  openWeekdays: Array<number>;
  opensAt: string;
};

/** A person as a guardian enters them. */
export type PickupPersonInput = {
  name: string;
  /** A number the nursery can call, e.g. 090-1234-5678. */
  phone: string;
  /** To the children: 祖母, おじ, シッター… */
  relation: string;
};

export type PickupPlanInput = {
  childId: string | number;
  date: string;
  /** …or a one-off person, whom the nursery must confirm. */
  oneOff?: PickupPersonInput | null | undefined;
  /** Someone on the family's list… */
  personId?: string | number | null | undefined;
  /** Local time, "HH:MM", within the nursery's opening hours. */
  time: string;
};

/** Kinds of notification a user can switch on or off. */
export type PushKind =
  | 'ABSENCE_ACKNOWLEDGED'
  | 'ABSENCE_REPORTED'
  | 'ARRIVAL'
  | 'ARRIVAL_CHECK'
  | 'DEPARTURE'
  | 'FEVER'
  | 'LEFT_BEHIND'
  | 'NAP_ALERT'
  | 'NOTEBOOK_PUBLISHED'
  | 'PICKUP_WARNING';

export type PushSubscriptionInput = {
  /** keys.auth (base64url). */
  auth: string;
  /** The browser PushSubscription's endpoint. */
  endpoint: string;
  /** keys.p256dh (base64url). */
  p256dh: string;
};

/** Where a record was made: at home by a guardian, or at the nursery by staff. */
export type RecordSource =
  | 'HOME'
  | 'NURSERY';

/** What a user may do is decided by role and the scope the role is granted in. */
export type Role =
  | 'GUARDIAN'
  | 'MUNICIPAL_OFFICER'
  | 'NURSERY_ADMIN'
  | 'STAFF'
  | 'SYSTEM_ADMIN';

export type SleepPosition =
  | 'BACK'
  | 'FRONT'
  | 'SIDE';

export type Symptom =
  | 'CONJUNCTIVITIS'
  | 'COUGH'
  | 'DIARRHEA'
  | 'FEVER'
  | 'OTHER'
  | 'RASH'
  | 'RUNNY_NOSE'
  | 'VOMITING';

export type ActivateAccountMutationVariables = Exact<{
  code: string;
  password: string;
}>;


export type ActivateAccountMutation = { activateAccount: { token: string, expiresAt: string, user: { id: string, displayName: string, locale: string } } };

export type ChangePasswordMutationVariables = Exact<{
  current: string;
  next: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, device: string, createdAt: string, lastUsedAt: string | null, current: boolean }> };

export type EndSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type EndSessionMutation = { endSession: boolean };

export type EndOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type EndOtherSessionsMutation = { endOtherSessions: number };

export type IssuedCodeFieldsFragment = { code: string, qrSvg: string, activationLink: string, accountCode: { id: string, displayName: string, email: string, role: Role, status: CodeStatus, expiresAt: string } };

export type InviteUserMutationVariables = Exact<{
  input: InviteUserInput;
  origin: string;
}>;


export type InviteUserMutation = { inviteUser: { code: string, qrSvg: string, activationLink: string, accountCode: { id: string, displayName: string, email: string, role: Role, status: CodeStatus, expiresAt: string } } };

export type ReissueAccountCodeMutationVariables = Exact<{
  id: string | number;
  origin: string;
}>;


export type ReissueAccountCodeMutation = { reissueAccountCode: { code: string, qrSvg: string, activationLink: string, accountCode: { id: string, displayName: string, email: string, role: Role, status: CodeStatus, expiresAt: string } } };

export type RevokeAccountCodeMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeAccountCodeMutation = { revokeAccountCode: { id: string, status: CodeStatus } };

export type InvitePageQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type InvitePageQuery = { nursery: { id: string, name: string } | null, accountCodes: Array<{ id: string, purpose: CodePurpose, displayName: string, email: string, role: Role, status: CodeStatus, expiresAt: string }>, me: { children: Array<{ id: string, name: string, family: { id: string }, classroom: { name: string } }> } };

export type AttendanceFieldsFragment = { id: string, cursor: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null, corrects: string | null, child: { id: string }, recordedBy: { displayName: string } };

export type AbsenceFieldsFragment = { id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { id: string, displayName: string, locale: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type SetLocaleMutationVariables = Exact<{
  locale: string;
}>;


export type SetLocaleMutation = { setLocale: { id: string, locale: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { disabledPushKinds: Array<PushKind>, user: { id: string, displayName: string, locale: string }, roles: Array<{ role: Role, scopeId: string | null }> } };

export type GuardianHomeQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type GuardianHomeQuery = { me: { children: Array<{ id: string, name: string, nameKana: string | null, birthDate: string, nurseryId: string, classroom: { id: string, name: string }, attendance: Array<{ id: string, cursor: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null, corrects: string | null, child: { id: string }, recordedBy: { displayName: string } }>, absences: Array<{ id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null }>, healthChecks: Array<{ id: string, recordedAt: string, temperatureC: number | null, fever: boolean, source: RecordSource }>, meals: Array<{ id: string, date: string, meal: string, amount: MealAmount }>, naps: Array<{ id: string, startedAt: string, endedAt: string | null }>, pickupPlan: { date: string, time: string, name: string, confirmed: boolean, child: { id: string }, person: { id: string, relation: string } | null, oneOff: { name: string, relation: string, phone: string, confirmed: boolean } | null } | null }> } };

export type ChildMonthQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
}>;


export type ChildMonthQuery = { child: { id: string, name: string, attendance: Array<{ id: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null }>, absences: Array<{ id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null }> } | null };

export type ChildGrowthQueryVariables = Exact<{
  id: string | number;
}>;


export type ChildGrowthQuery = { child: { id: string, name: string, birthDate: string, growth: Array<{ id: string, measuredOn: string, heightCm: number | null, weightKg: number | null, kaupIndex: number | null }> } | null };

export type NotebookPagesQueryVariables = Exact<{
  nurseryId: string | number;
  from: string;
  to: string;
}>;


export type NotebookPagesQuery = { journals: Array<{ id: string, status: JournalStatus, revision: number, periodStart: string, body: string, updatedAt: string, child: { id: string } | null }> };

export type JournalByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type JournalByIdQuery = { journal: { id: string, revision: number, status: JournalStatus, body: string, periodStart: string } | null };

export type SaveNotebookHomeMutationVariables = Exact<{
  input: JournalDraftInput;
}>;


export type SaveNotebookHomeMutation = { saveJournalDraft: { id: string, revision: number, status: JournalStatus, body: string, periodStart: string } };

export type ReportAbsenceMutationVariables = Exact<{
  input: AbsenceInput;
}>;


export type ReportAbsenceMutation = { reportAbsence: { id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null } };

export type UpdateAbsenceMutationVariables = Exact<{
  id: string | number;
  input: AbsenceUpdateInput;
}>;


export type UpdateAbsenceMutation = { updateAbsence: { id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null } };

export type WithdrawAbsenceMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawAbsenceMutation = { withdrawAbsence: { id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null } };

export type RecordHealthCheckMutationVariables = Exact<{
  input: HealthCheckInput;
}>;


export type RecordHealthCheckMutation = { recordHealthCheck: { id: string, recordedAt: string, temperatureC: number | null, fever: boolean, source: RecordSource } };

export type RecordMealMutationVariables = Exact<{
  input: MealInput;
}>;


export type RecordMealMutation = { recordMeal: { id: string, date: string, meal: string, amount: MealAmount } };

export type VapidKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type VapidKeyQuery = { vapidPublicKey: string };

export type RegisterPushMutationVariables = Exact<{
  input: PushSubscriptionInput;
}>;


export type RegisterPushMutation = { registerPushSubscription: boolean };

export type UnregisterPushMutationVariables = Exact<{
  endpoint: string;
}>;


export type UnregisterPushMutation = { unregisterPushSubscription: boolean };

export type SetPushPreferenceMutationVariables = Exact<{
  kind: PushKind;
  enabled: boolean;
}>;


export type SetPushPreferenceMutation = { setPushPreference: boolean };

export type AttendanceFeedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AttendanceFeedSubscription = { attendanceEvents: { id: string, cursor: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null, corrects: string | null, child: { id: string }, recordedBy: { displayName: string } } };

export type AbsenceUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AbsenceUpdatesSubscription = { absenceUpdates: { id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null } };

export type AbsenceFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AbsenceFeedSubscription = { absenceUpdates: { id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null } };

export type CareAlertFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CareAlertFeedSubscription = { careAlerts: { id: string, kind: CareAlertKind, classroomId: string, occurredAt: string, message: string, temperatureC: number | null, child: { id: string, name: string } } };

export type StaffNurseryQueryVariables = Exact<{
  nurseryId: string | number;
  date: string;
}>;


export type StaffNurseryQuery = { nursery: { id: string, name: string, classrooms: Array<{ id: string, name: string, ageBand: number, children: Array<{ id: string, name: string, nameKana: string | null, allergies: Array<string>, attendance: Array<{ id: string, cursor: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null, corrects: string | null, child: { id: string }, recordedBy: { displayName: string } }>, absences: Array<{ id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null }> }> }> } | null };

export type StaffReportsQueryVariables = Exact<{
  nurseryId: string | number;
  date: string;
}>;


export type StaffReportsQuery = { absenceReports: Array<{ id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null }> };

export type CheckInMutationVariables = Exact<{
  input: CheckInInput;
}>;


export type CheckInMutation = { checkIn: { id: string, cursor: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null, corrects: string | null, child: { id: string }, recordedBy: { displayName: string } } };

export type CheckOutMutationVariables = Exact<{
  input: CheckOutInput;
}>;


export type CheckOutMutation = { checkOut: { id: string, cursor: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null, corrects: string | null, child: { id: string }, recordedBy: { displayName: string } } };

export type AcknowledgeAbsenceMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeAbsenceMutation = { acknowledgeAbsence: { id: string, kind: AbsenceKind, date: string, reason: AbsenceReason, symptoms: Array<Symptom>, expectedArrival: string | null, note: string | null, acknowledgedAt: string | null, updatedAt: string | null, withdrawnAt: string | null, child: { id: string, name: string }, reportedBy: { displayName: string }, acknowledgedBy: { displayName: string } | null } };

export type LiveCursorQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveCursorQuery = { liveCursor: string };

export type PickupPersonFieldsFragment = { id: string, name: string, relation: string, phone: string, confirmed: boolean };

export type PickupPlanFieldsFragment = { date: string, time: string, name: string, confirmed: boolean, child: { id: string }, person: { id: string, relation: string } | null, oneOff: { name: string, relation: string, phone: string, confirmed: boolean } | null };

export type GuardianPickupQueryVariables = Exact<{
  childId: string | number;
}>;


export type GuardianPickupQuery = { child: { id: string, family: { id: string, pickupPeople: Array<{ id: string, name: string, relation: string, phone: string, confirmed: boolean }> }, pickupPlan: { date: string, time: string, name: string, confirmed: boolean, child: { id: string }, person: { id: string, relation: string } | null, oneOff: { name: string, relation: string, phone: string, confirmed: boolean } | null } | null } | null };

export type AddPickupPersonMutationVariables = Exact<{
  familyId: string | number;
  input: PickupPersonInput;
}>;


export type AddPickupPersonMutation = { addPickupPerson: { id: string, name: string, relation: string, phone: string, confirmed: boolean } };

export type RemovePickupPersonMutationVariables = Exact<{
  id: string | number;
}>;


export type RemovePickupPersonMutation = { removePickupPerson: { id: string } };

export type SetPickupPlanMutationVariables = Exact<{
  input: PickupPlanInput;
}>;


export type SetPickupPlanMutation = { setPickupPlan: { date: string, time: string, name: string, confirmed: boolean, child: { id: string }, person: { id: string, relation: string } | null, oneOff: { name: string, relation: string, phone: string, confirmed: boolean } | null } };

export type ClearPickupPlanMutationVariables = Exact<{
  childId: string | number;
  date: string;
}>;


export type ClearPickupPlanMutation = { clearPickupPlan: boolean };

export type StaffPickupQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type StaffPickupQuery = { pickupPlans: Array<{ date: string, time: string, name: string, confirmed: boolean, child: { id: string }, person: { id: string, relation: string } | null, oneOff: { name: string, relation: string, phone: string, confirmed: boolean } | null }>, unconfirmedPickupPeople: Array<{ id: string, name: string, relation: string, phone: string, confirmed: boolean, family: { id: string, children: Array<{ id: string, name: string }> } }>, pickupWarnings: Array<{ id: string, pickupBy: string | null, raisedAt: string, child: { id: string, name: string } }> };

export type CheckOutPeopleQueryVariables = Exact<{
  childId: string | number;
}>;


export type CheckOutPeopleQuery = { child: { id: string, family: { id: string, pickupPeople: Array<{ id: string, name: string, relation: string, phone: string, confirmed: boolean }> } } | null };

export type ConfirmPickupPersonMutationVariables = Exact<{
  id: string | number;
}>;


export type ConfirmPickupPersonMutation = { confirmPickupPerson: { id: string, name: string, relation: string, phone: string, confirmed: boolean } };

export type ConfirmPickupPlanMutationVariables = Exact<{
  childId: string | number;
  date: string;
}>;


export type ConfirmPickupPlanMutation = { confirmPickupPlan: { date: string, time: string, name: string, confirmed: boolean, child: { id: string }, person: { id: string, relation: string } | null, oneOff: { name: string, relation: string, phone: string, confirmed: boolean } | null } };

export type PickupPlanFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PickupPlanFeedSubscription = { pickupPlanUpdates: { date: string, child: { id: string }, plan: { date: string, time: string, name: string, confirmed: boolean, child: { id: string }, person: { id: string, relation: string } | null, oneOff: { name: string, relation: string, phone: string, confirmed: boolean } | null } | null } };

export type PickupWarningFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PickupWarningFeedSubscription = { pickupWarningUpdates: { id: string, pickupBy: string | null, raisedAt: string, child: { id: string, name: string } } };

export type AdminChildFieldsFragment = { id: string, name: string, nameKana: string | null, birthDate: string, enrolledOn: string, withdrawnOn: string | null, allergies: Array<string>, classroom: { id: string } };

export type RosterAdminQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type RosterAdminQuery = { nursery: { id: string, name: string, classrooms: Array<{ id: string, name: string, ageBand: number, children: Array<{ id: string, name: string, nameKana: string | null, birthDate: string, enrolledOn: string, withdrawnOn: string | null, allergies: Array<string>, classroom: { id: string } }> }> } | null };

export type UpdateChildMutationVariables = Exact<{
  childId: string | number;
  input: ChildCorrectionInput;
}>;


export type UpdateChildMutation = { updateChild: { id: string, name: string, nameKana: string | null, birthDate: string, enrolledOn: string, withdrawnOn: string | null, allergies: Array<string>, classroom: { id: string } } };

export type SetChildAllergiesMutationVariables = Exact<{
  childId: string | number;
  allergens: Array<string> | string;
}>;


export type SetChildAllergiesMutation = { setChildAllergies: { id: string, allergies: Array<string> } };

export type MoveChildMutationVariables = Exact<{
  childId: string | number;
  classroomId: string | number;
  from: string;
}>;


export type MoveChildMutation = { moveChild: { id: string, name: string, nameKana: string | null, birthDate: string, enrolledOn: string, withdrawnOn: string | null, allergies: Array<string>, classroom: { id: string } } };

export type WithdrawChildMutationVariables = Exact<{
  childId: string | number;
  date: string;
}>;


export type WithdrawChildMutation = { withdrawChild: { id: string, withdrawnOn: string | null } };

export type RenameClassroomMutationVariables = Exact<{
  classroomId: string | number;
  name: string;
}>;


export type RenameClassroomMutation = { renameClassroom: { id: string, name: string } };

export type RenameNurseryMutationVariables = Exact<{
  nurseryId: string | number;
  name: string;
}>;


export type RenameNurseryMutation = { renameNursery: { id: string, name: string } };

export type MoveUpFieldsFragment = { graduating: Array<string>, unplacedClassrooms: Array<string>, moves: Array<{ childId: string, childName: string, fromClassroom: string, toClassroom: string }> };

export type MoveUpPreviewQueryVariables = Exact<{
  nurseryId: string | number;
  from: string;
}>;


export type MoveUpPreviewQuery = { moveUpPreview: { graduating: Array<string>, unplacedClassrooms: Array<string>, moves: Array<{ childId: string, childName: string, fromClassroom: string, toClassroom: string }> } };

export type ApplyMoveUpMutationVariables = Exact<{
  nurseryId: string | number;
  from: string;
}>;


export type ApplyMoveUpMutation = { applyMoveUp: { graduating: Array<string>, unplacedClassrooms: Array<string>, moves: Array<{ childId: string, childName: string, fromClassroom: string, toClassroom: string }> } };

export type ImportRosterMutationVariables = Exact<{
  nurseryId: string | number;
  csvBase64: string;
  dryRun: boolean;
}>;


export type ImportRosterMutation = { importRoster: { imported: boolean, classrooms: number, families: number, children: number, guardians: number, problems: Array<{ line: number, column: string, message: string }>, invitations: Array<{ accountCodeId: string, email: string, displayName: string, code: string }> } };

export type ImportedCodesQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type ImportedCodesQuery = { nursery: { id: string, name: string } | null, accountCodes: Array<{ id: string, expiresAt: string }> };

export type CorrectAttendanceMutationVariables = Exact<{
  attendanceId: string | number;
  reason: string;
  idempotencyKey?: string | null | undefined;
}>;


export type CorrectAttendanceMutation = { correctAttendance: { id: string, cursor: string, kind: AttendanceKind, occurredAt: string, pickupBy: string | null, corrects: string | null, child: { id: string }, recordedBy: { displayName: string } } };

export type CalendarDayFieldsFragment = { date: string, open: boolean, status: CalendarDayStatus, holiday: string | null, note: string | null };

export type NurseryHoursFieldsFragment = { openWeekdays: Array<number>, opensAt: string, closesAt: string, arrivalCheckAt: string, lateGraceMinutes: number };

export type HeadCalendarQueryVariables = Exact<{
  nurseryId: string | number;
  from: string;
  to: string;
}>;


export type HeadCalendarQuery = { nurseryCalendar: { hours: { openWeekdays: Array<number>, opensAt: string, closesAt: string, arrivalCheckAt: string, lateGraceMinutes: number }, days: Array<{ date: string, open: boolean, status: CalendarDayStatus, holiday: string | null, note: string | null }> } };

export type SetNurseryHoursMutationVariables = Exact<{
  nurseryId: string | number;
  input: NurseryHoursInput;
}>;


export type SetNurseryHoursMutation = { setNurseryHours: { openWeekdays: Array<number>, opensAt: string, closesAt: string, arrivalCheckAt: string, lateGraceMinutes: number } };

export type SetCalendarDayMutationVariables = Exact<{
  nurseryId: string | number;
  date: string;
  open?: boolean | null | undefined;
  note?: string | null | undefined;
}>;


export type SetCalendarDayMutation = { setCalendarDay: { date: string, open: boolean, status: CalendarDayStatus, holiday: string | null, note: string | null } };

export type CareClassQueryVariables = Exact<{
  nurseryId: string | number;
  date: string;
}>;


export type CareClassQuery = { nursery: { id: string, feverThresholdC: number, classrooms: Array<{ id: string, name: string, ageBand: number, children: Array<{ id: string, name: string, allergies: Array<string>, healthChecks: Array<{ id: string, recordedAt: string, temperatureC: number | null, fever: boolean, symptoms: Array<Symptom>, source: RecordSource }>, meals: Array<{ id: string, meal: string, amount: MealAmount }>, naps: Array<{ id: string, startedAt: string, endedAt: string | null, checkIntervalSeconds: number | null }>, napChecks: Array<{ id: string, checkedAt: string, position: SleepPosition, breathingOk: boolean, napId: string }> }> }> } | null };

export type StaffHealthCheckMutationVariables = Exact<{
  input: HealthCheckInput;
}>;


export type StaffHealthCheckMutation = { recordHealthCheck: { id: string, recordedAt: string, temperatureC: number | null, fever: boolean, symptoms: Array<Symptom>, source: RecordSource } };

export type StaffMealMutationVariables = Exact<{
  input: MealInput;
}>;


export type StaffMealMutation = { recordMeal: { id: string, meal: string, amount: MealAmount } };

export type NapCheckRecordMutationVariables = Exact<{
  input: NapCheckInput;
}>;


export type NapCheckRecordMutation = { recordNapCheck: { id: string, checkedAt: string, position: SleepPosition, breathingOk: boolean, napId: string } };

export type NapEndMutationVariables = Exact<{
  childId: string | number;
  endedAt?: string | null | undefined;
}>;


export type NapEndMutation = { endNap: { id: string, startedAt: string, endedAt: string | null, checkIntervalSeconds: number | null } };

export type GrowthRecordMutationVariables = Exact<{
  input: GrowthInput;
}>;


export type GrowthRecordMutation = { recordGrowth: { id: string, measuredOn: string, heightCm: number | null, weightKg: number | null, flaggedForReview: boolean } };

export type ClassGrowthQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type ClassGrowthQuery = { nursery: { id: string, classrooms: Array<{ id: string, children: Array<{ id: string, name: string, birthDate: string, growth: Array<{ id: string, measuredOn: string, heightCm: number | null, weightKg: number | null, flaggedForReview: boolean }> }> }> } | null };

export type JournalFieldsFragment = { id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } };

export type JournalListQueryVariables = Exact<{
  nurseryId: string | number;
  kind?: JournalKind | null | undefined;
  status?: JournalStatus | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type JournalListQuery = { journals: Array<{ id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } }> };

export type JournalOneQueryVariables = Exact<{
  id: string | number;
}>;


export type JournalOneQuery = { journal: { id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } } | null };

export type JournalRevisionsQueryVariables = Exact<{
  id: string | number;
}>;


export type JournalRevisionsQuery = { journalHistory: Array<{ revision: number, status: JournalStatus, body: string, action: string, at: string, actor: { displayName: string } }> };

export type JournalPrefillQueryVariables = Exact<{
  kind: JournalKind;
  classroomId?: string | number | null | undefined;
  childId?: string | number | null | undefined;
  date: string;
}>;


export type JournalPrefillQuery = { journalTemplate: string };

export type JournalSaveMutationVariables = Exact<{
  input: JournalDraftInput;
}>;


export type JournalSaveMutation = { saveJournalDraft: { id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } } };

export type JournalSubmitMutationVariables = Exact<{
  id: string | number;
  revision: number;
}>;


export type JournalSubmitMutation = { submitJournal: { id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } } };

export type JournalApproveMutationVariables = Exact<{
  id: string | number;
}>;


export type JournalApproveMutation = { approveJournal: { id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } } };

export type JournalReturnMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type JournalReturnMutation = { returnJournal: { id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } } };

export type JournalPublishMutationVariables = Exact<{
  id: string | number;
}>;


export type JournalPublishMutation = { publishJournal: { id: string, kind: JournalKind, status: JournalStatus, revision: number, periodStart: string, periodEnd: string, body: string, reviewComment: string | null, updatedAt: string, classroom: { id: string, name: string } | null, child: { id: string, name: string } | null, author: { id: string, displayName: string } } };

export type HeadNurseryQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type HeadNurseryQuery = { nursery: { id: string, municipality: { id: string } } | null };

export type DaySummariesQueryVariables = Exact<{
  municipalityId: string | number;
  from: string;
  to: string;
  nurseryId?: string | number | null | undefined;
}>;


export type DaySummariesQuery = { nurseryDaySummaries: Array<{ date: string, enrolled: number, present: number, absent: number, late: number, napChecksRequired: number, napChecksOnTime: number, napCheckCompliance: number | null, classrooms: number, diariesApproved: number, nursery: { id: string, name: string } }> };

export type AuditEntriesQueryVariables = Exact<{
  nurseryId?: string | number | null | undefined;
  operation?: string | null | undefined;
  access?: AuditAccess | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEntriesQuery = { auditLog: { nextCursor: string | null, entries: Array<{ id: string, at: string, actorId: string | null, access: AuditAccess, operation: string, entityIds: Array<string> }> } };

export type OfficerDashboardQueryVariables = Exact<{
  municipalityId: string | number;
  from: string;
  to: string;
}>;


export type OfficerDashboardQuery = { nurseryPeriodSummaries: Array<{ openDays: number, enrolledChildDays: number, presentChildDays: number, absentChildDays: number, lateArrivals: number, attendanceRate: number | null, napChecksRequired: number, napChecksOnTime: number, napCheckCompliance: number | null, classroomDays: number, diariesApproved: number, diaryApprovalRate: number | null, nursery: { id: string, name: string }, absencesBySymptom: Array<{ symptom: Symptom, count: number }>, ageBands: Array<{ ageBand: number, enrolled: number | null, present: number | null, absent: number | null, late: number | null, attendanceRate: number | null, suppressed: boolean }> }>, nurseryDaySummaries: Array<{ date: string, nursery: { id: string }, absencesBySymptom: Array<{ symptom: Symptom, count: number }> }>, infectionAlerts: Array<{ id: string, classroomName: string, symptom: Symptom, windowStart: string, windowEnd: string, children: number, raisedAt: string, nursery: { id: string, name: string } }> };

export type InfectionAlertFeedSubscriptionVariables = Exact<{
  municipalityId: string | number;
}>;


export type InfectionAlertFeedSubscription = { infectionAlerts: { id: string, classroomName: string, symptom: Symptom, windowStart: string, windowEnd: string, children: number, raisedAt: string, nursery: { id: string, name: string } } };

export type CareRecordFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CareRecordFeedSubscription = { careRecords: { id: string, kind: CareRecordKind, classroomId: string, occurredAt: string, child: { id: string } } };

export type ArrivalCheckFieldsFragment = { id: string, open: boolean, resolution: ArrivalCheckResolution | null, raisedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } };

export type ArrivalChecksQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type ArrivalChecksQuery = { arrivalChecks: Array<{ id: string, open: boolean, resolution: ArrivalCheckResolution | null, raisedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } }> };

export type ArrivalCheckFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ArrivalCheckFeedSubscription = { arrivalCheckUpdates: { id: string, open: boolean, resolution: ArrivalCheckResolution | null, raisedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } } };

export type CloseArrivalCheckMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type CloseArrivalCheckMutation = { closeArrivalCheck: { id: string, open: boolean, resolution: ArrivalCheckResolution | null, raisedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } } };

export type DepartureCheckFieldsFragment = { id: string, open: boolean, alerts: number, resolution: DepartureCheckResolution | null, raisedAt: string, alertedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } };

export type DepartureChecksQueryVariables = Exact<{
  nurseryId: string | number;
}>;


export type DepartureChecksQuery = { departureChecks: Array<{ id: string, open: boolean, alerts: number, resolution: DepartureCheckResolution | null, raisedAt: string, alertedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } }> };

export type DepartureCheckFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DepartureCheckFeedSubscription = { departureCheckUpdates: { id: string, open: boolean, alerts: number, resolution: DepartureCheckResolution | null, raisedAt: string, alertedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } } };

export type ExplainDepartureCheckMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type ExplainDepartureCheckMutation = { explainDepartureCheck: { id: string, open: boolean, alerts: number, resolution: DepartureCheckResolution | null, raisedAt: string, alertedAt: string, resolvedAt: string | null, note: string | null, child: { id: string, name: string, classroom: { id: string, name: string } } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const IssuedCodeFieldsFragmentDoc = new TypedDocumentString(`
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}
    `, {"fragmentName":"IssuedCodeFields"}) as unknown as TypedDocumentString<IssuedCodeFieldsFragment, unknown>;
export const AttendanceFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}
    `, {"fragmentName":"AttendanceFields"}) as unknown as TypedDocumentString<AttendanceFieldsFragment, unknown>;
export const AbsenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}
    `, {"fragmentName":"AbsenceFields"}) as unknown as TypedDocumentString<AbsenceFieldsFragment, unknown>;
export const PickupPersonFieldsFragmentDoc = new TypedDocumentString(`
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}
    `, {"fragmentName":"PickupPersonFields"}) as unknown as TypedDocumentString<PickupPersonFieldsFragment, unknown>;
export const PickupPlanFieldsFragmentDoc = new TypedDocumentString(`
    fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}
    `, {"fragmentName":"PickupPlanFields"}) as unknown as TypedDocumentString<PickupPlanFieldsFragment, unknown>;
export const AdminChildFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminChildFields on Child {
  id
  name
  nameKana
  birthDate
  enrolledOn
  withdrawnOn
  allergies
  classroom {
    id
  }
}
    `, {"fragmentName":"AdminChildFields"}) as unknown as TypedDocumentString<AdminChildFieldsFragment, unknown>;
export const MoveUpFieldsFragmentDoc = new TypedDocumentString(`
    fragment MoveUpFields on MoveUpPlanObject {
  moves {
    childId
    childName
    fromClassroom
    toClassroom
  }
  graduating
  unplacedClassrooms
}
    `, {"fragmentName":"MoveUpFields"}) as unknown as TypedDocumentString<MoveUpFieldsFragment, unknown>;
export const CalendarDayFieldsFragmentDoc = new TypedDocumentString(`
    fragment CalendarDayFields on CalendarDay {
  date
  open
  status
  holiday
  note
}
    `, {"fragmentName":"CalendarDayFields"}) as unknown as TypedDocumentString<CalendarDayFieldsFragment, unknown>;
export const NurseryHoursFieldsFragmentDoc = new TypedDocumentString(`
    fragment NurseryHoursFields on NurseryHours {
  openWeekdays
  opensAt
  closesAt
  arrivalCheckAt
  lateGraceMinutes
}
    `, {"fragmentName":"NurseryHoursFields"}) as unknown as TypedDocumentString<NurseryHoursFieldsFragment, unknown>;
export const JournalFieldsFragmentDoc = new TypedDocumentString(`
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}
    `, {"fragmentName":"JournalFields"}) as unknown as TypedDocumentString<JournalFieldsFragment, unknown>;
export const ArrivalCheckFieldsFragmentDoc = new TypedDocumentString(`
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}
    `, {"fragmentName":"ArrivalCheckFields"}) as unknown as TypedDocumentString<ArrivalCheckFieldsFragment, unknown>;
export const DepartureCheckFieldsFragmentDoc = new TypedDocumentString(`
    fragment DepartureCheckFields on DepartureCheck {
  id
  open
  alerts
  resolution
  raisedAt
  alertedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}
    `, {"fragmentName":"DepartureCheckFields"}) as unknown as TypedDocumentString<DepartureCheckFieldsFragment, unknown>;
export const ActivateAccountDocument = new TypedDocumentString(`
    mutation ActivateAccount($code: String!, $password: String!) {
  activateAccount(code: $code, password: $password) {
    token
    expiresAt
    user {
      id
      displayName
      locale
    }
  }
}
    `) as unknown as TypedDocumentString<ActivateAccountMutation, ActivateAccountMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    id
    device
    createdAt
    lastUsedAt
    current
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const EndSessionDocument = new TypedDocumentString(`
    mutation EndSession($id: ID!) {
  endSession(id: $id)
}
    `) as unknown as TypedDocumentString<EndSessionMutation, EndSessionMutationVariables>;
export const EndOtherSessionsDocument = new TypedDocumentString(`
    mutation EndOtherSessions {
  endOtherSessions
}
    `) as unknown as TypedDocumentString<EndOtherSessionsMutation, EndOtherSessionsMutationVariables>;
export const InviteUserDocument = new TypedDocumentString(`
    mutation InviteUser($input: InviteUserInput!, $origin: String!) {
  inviteUser(input: $input) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`) as unknown as TypedDocumentString<InviteUserMutation, InviteUserMutationVariables>;
export const ReissueAccountCodeDocument = new TypedDocumentString(`
    mutation ReissueAccountCode($id: ID!, $origin: String!) {
  reissueAccountCode(id: $id) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`) as unknown as TypedDocumentString<ReissueAccountCodeMutation, ReissueAccountCodeMutationVariables>;
export const RevokeAccountCodeDocument = new TypedDocumentString(`
    mutation RevokeAccountCode($id: ID!) {
  revokeAccountCode(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeAccountCodeMutation, RevokeAccountCodeMutationVariables>;
export const InvitePageDocument = new TypedDocumentString(`
    query InvitePage($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    name
  }
  accountCodes(nurseryId: $nurseryId) {
    id
    purpose
    displayName
    email
    role
    status
    expiresAt
  }
  me {
    children {
      id
      name
      family {
        id
      }
      classroom {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InvitePageQuery, InvitePageQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    expiresAt
    user {
      id
      displayName
      locale
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const SetLocaleDocument = new TypedDocumentString(`
    mutation SetLocale($locale: String!) {
  setLocale(locale: $locale) {
    id
    locale
  }
}
    `) as unknown as TypedDocumentString<SetLocaleMutation, SetLocaleMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    user {
      id
      displayName
      locale
    }
    roles {
      role
      scopeId
    }
    disabledPushKinds
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const GuardianHomeDocument = new TypedDocumentString(`
    query GuardianHome($from: Date!, $to: Date!) {
  me {
    children {
      id
      name
      nameKana
      birthDate
      nurseryId
      classroom {
        id
        name
      }
      attendance(from: $from, to: $to) {
        ...AttendanceFields
      }
      absences(from: $from, to: $to) {
        ...AbsenceFields
      }
      healthChecks(from: $from, to: $to) {
        id
        recordedAt
        temperatureC
        fever
        source
      }
      meals(from: $from, to: $to) {
        id
        date
        meal
        amount
      }
      naps(from: $from, to: $to) {
        id
        startedAt
        endedAt
      }
      pickupPlan {
        ...PickupPlanFields
      }
    }
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}
fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}
fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`) as unknown as TypedDocumentString<GuardianHomeQuery, GuardianHomeQueryVariables>;
export const ChildMonthDocument = new TypedDocumentString(`
    query ChildMonth($id: ID!, $from: Date!, $to: Date!) {
  child(id: $id) {
    id
    name
    attendance(from: $from, to: $to) {
      id
      kind
      occurredAt
      pickupBy
    }
    absences(from: $from, to: $to) {
      id
      kind
      date
      reason
      symptoms
      expectedArrival
    }
  }
}
    `) as unknown as TypedDocumentString<ChildMonthQuery, ChildMonthQueryVariables>;
export const ChildGrowthDocument = new TypedDocumentString(`
    query ChildGrowth($id: ID!) {
  child(id: $id) {
    id
    name
    birthDate
    growth {
      id
      measuredOn
      heightCm
      weightKg
      kaupIndex
    }
  }
}
    `) as unknown as TypedDocumentString<ChildGrowthQuery, ChildGrowthQueryVariables>;
export const NotebookPagesDocument = new TypedDocumentString(`
    query NotebookPages($nurseryId: ID!, $from: Date!, $to: Date!) {
  journals(nurseryId: $nurseryId, kind: CONTACT_NOTEBOOK, from: $from, to: $to) {
    id
    status
    revision
    periodStart
    body
    updatedAt
    child {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<NotebookPagesQuery, NotebookPagesQueryVariables>;
export const JournalByIdDocument = new TypedDocumentString(`
    query JournalById($id: ID!) {
  journal(id: $id) {
    id
    revision
    status
    body
    periodStart
  }
}
    `) as unknown as TypedDocumentString<JournalByIdQuery, JournalByIdQueryVariables>;
export const SaveNotebookHomeDocument = new TypedDocumentString(`
    mutation SaveNotebookHome($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    id
    revision
    status
    body
    periodStart
  }
}
    `) as unknown as TypedDocumentString<SaveNotebookHomeMutation, SaveNotebookHomeMutationVariables>;
export const ReportAbsenceDocument = new TypedDocumentString(`
    mutation ReportAbsence($input: AbsenceInput!) {
  reportAbsence(input: $input) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<ReportAbsenceMutation, ReportAbsenceMutationVariables>;
export const UpdateAbsenceDocument = new TypedDocumentString(`
    mutation UpdateAbsence($id: ID!, $input: AbsenceUpdateInput!) {
  updateAbsence(id: $id, input: $input) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<UpdateAbsenceMutation, UpdateAbsenceMutationVariables>;
export const WithdrawAbsenceDocument = new TypedDocumentString(`
    mutation WithdrawAbsence($id: ID!) {
  withdrawAbsence(id: $id) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<WithdrawAbsenceMutation, WithdrawAbsenceMutationVariables>;
export const RecordHealthCheckDocument = new TypedDocumentString(`
    mutation RecordHealthCheck($input: HealthCheckInput!) {
  recordHealthCheck(input: $input) {
    id
    recordedAt
    temperatureC
    fever
    source
  }
}
    `) as unknown as TypedDocumentString<RecordHealthCheckMutation, RecordHealthCheckMutationVariables>;
export const RecordMealDocument = new TypedDocumentString(`
    mutation RecordMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    date
    meal
    amount
  }
}
    `) as unknown as TypedDocumentString<RecordMealMutation, RecordMealMutationVariables>;
export const VapidKeyDocument = new TypedDocumentString(`
    query VapidKey {
  vapidPublicKey
}
    `) as unknown as TypedDocumentString<VapidKeyQuery, VapidKeyQueryVariables>;
export const RegisterPushDocument = new TypedDocumentString(`
    mutation RegisterPush($input: PushSubscriptionInput!) {
  registerPushSubscription(input: $input)
}
    `) as unknown as TypedDocumentString<RegisterPushMutation, RegisterPushMutationVariables>;
export const UnregisterPushDocument = new TypedDocumentString(`
    mutation UnregisterPush($endpoint: String!) {
  unregisterPushSubscription(endpoint: $endpoint)
}
    `) as unknown as TypedDocumentString<UnregisterPushMutation, UnregisterPushMutationVariables>;
export const SetPushPreferenceDocument = new TypedDocumentString(`
    mutation SetPushPreference($kind: PushKind!, $enabled: Boolean!) {
  setPushPreference(kind: $kind, enabled: $enabled)
}
    `) as unknown as TypedDocumentString<SetPushPreferenceMutation, SetPushPreferenceMutationVariables>;
export const AttendanceFeedDocument = new TypedDocumentString(`
    subscription AttendanceFeed($after: String) {
  attendanceEvents(after: $after) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<AttendanceFeedSubscription, AttendanceFeedSubscriptionVariables>;
export const AbsenceUpdatesDocument = new TypedDocumentString(`
    subscription AbsenceUpdates {
  absenceUpdates {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<AbsenceUpdatesSubscription, AbsenceUpdatesSubscriptionVariables>;
export const AbsenceFeedDocument = new TypedDocumentString(`
    subscription AbsenceFeed {
  absenceUpdates {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<AbsenceFeedSubscription, AbsenceFeedSubscriptionVariables>;
export const CareAlertFeedDocument = new TypedDocumentString(`
    subscription CareAlertFeed {
  careAlerts {
    id
    kind
    classroomId
    occurredAt
    message
    temperatureC
    child {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CareAlertFeedSubscription, CareAlertFeedSubscriptionVariables>;
export const StaffNurseryDocument = new TypedDocumentString(`
    query StaffNursery($nurseryId: ID!, $date: Date!) {
  nursery(id: $nurseryId) {
    id
    name
    classrooms {
      id
      name
      ageBand
      children {
        id
        name
        nameKana
        allergies
        attendance(from: $date, to: $date) {
          ...AttendanceFields
        }
        absences(from: $date, to: $date) {
          ...AbsenceFields
        }
      }
    }
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}
fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<StaffNurseryQuery, StaffNurseryQueryVariables>;
export const StaffReportsDocument = new TypedDocumentString(`
    query StaffReports($nurseryId: ID!, $date: Date!) {
  absenceReports(nurseryId: $nurseryId, date: $date) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<StaffReportsQuery, StaffReportsQueryVariables>;
export const CheckInDocument = new TypedDocumentString(`
    mutation CheckIn($input: CheckInInput!) {
  checkIn(input: $input) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<CheckInMutation, CheckInMutationVariables>;
export const CheckOutDocument = new TypedDocumentString(`
    mutation CheckOut($input: CheckOutInput!) {
  checkOut(input: $input) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<CheckOutMutation, CheckOutMutationVariables>;
export const AcknowledgeAbsenceDocument = new TypedDocumentString(`
    mutation AcknowledgeAbsence($id: ID!) {
  acknowledgeAbsence(id: $id) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  updatedAt
  withdrawnAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<AcknowledgeAbsenceMutation, AcknowledgeAbsenceMutationVariables>;
export const LiveCursorDocument = new TypedDocumentString(`
    query LiveCursor {
  liveCursor
}
    `) as unknown as TypedDocumentString<LiveCursorQuery, LiveCursorQueryVariables>;
export const GuardianPickupDocument = new TypedDocumentString(`
    query GuardianPickup($childId: ID!) {
  child(id: $childId) {
    id
    family {
      id
      pickupPeople {
        ...PickupPersonFields
      }
    }
    pickupPlan {
      ...PickupPlanFields
    }
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}
fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`) as unknown as TypedDocumentString<GuardianPickupQuery, GuardianPickupQueryVariables>;
export const AddPickupPersonDocument = new TypedDocumentString(`
    mutation AddPickupPerson($familyId: ID!, $input: PickupPersonInput!) {
  addPickupPerson(familyId: $familyId, input: $input) {
    ...PickupPersonFields
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}`) as unknown as TypedDocumentString<AddPickupPersonMutation, AddPickupPersonMutationVariables>;
export const RemovePickupPersonDocument = new TypedDocumentString(`
    mutation RemovePickupPerson($id: ID!) {
  removePickupPerson(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RemovePickupPersonMutation, RemovePickupPersonMutationVariables>;
export const SetPickupPlanDocument = new TypedDocumentString(`
    mutation SetPickupPlan($input: PickupPlanInput!) {
  setPickupPlan(input: $input) {
    ...PickupPlanFields
  }
}
    fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`) as unknown as TypedDocumentString<SetPickupPlanMutation, SetPickupPlanMutationVariables>;
export const ClearPickupPlanDocument = new TypedDocumentString(`
    mutation ClearPickupPlan($childId: ID!, $date: Date!) {
  clearPickupPlan(childId: $childId, date: $date)
}
    `) as unknown as TypedDocumentString<ClearPickupPlanMutation, ClearPickupPlanMutationVariables>;
export const StaffPickupDocument = new TypedDocumentString(`
    query StaffPickup($nurseryId: ID!) {
  pickupPlans(nurseryId: $nurseryId) {
    ...PickupPlanFields
  }
  unconfirmedPickupPeople(nurseryId: $nurseryId) {
    ...PickupPersonFields
    family {
      id
      children {
        id
        name
      }
    }
  }
  pickupWarnings(nurseryId: $nurseryId) {
    id
    pickupBy
    raisedAt
    child {
      id
      name
    }
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}
fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`) as unknown as TypedDocumentString<StaffPickupQuery, StaffPickupQueryVariables>;
export const CheckOutPeopleDocument = new TypedDocumentString(`
    query CheckOutPeople($childId: ID!) {
  child(id: $childId) {
    id
    family {
      id
      pickupPeople {
        ...PickupPersonFields
      }
    }
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}`) as unknown as TypedDocumentString<CheckOutPeopleQuery, CheckOutPeopleQueryVariables>;
export const ConfirmPickupPersonDocument = new TypedDocumentString(`
    mutation ConfirmPickupPerson($id: ID!) {
  confirmPickupPerson(id: $id) {
    ...PickupPersonFields
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}`) as unknown as TypedDocumentString<ConfirmPickupPersonMutation, ConfirmPickupPersonMutationVariables>;
export const ConfirmPickupPlanDocument = new TypedDocumentString(`
    mutation ConfirmPickupPlan($childId: ID!, $date: Date!) {
  confirmPickupPlan(childId: $childId, date: $date) {
    ...PickupPlanFields
  }
}
    fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`) as unknown as TypedDocumentString<ConfirmPickupPlanMutation, ConfirmPickupPlanMutationVariables>;
export const PickupPlanFeedDocument = new TypedDocumentString(`
    subscription PickupPlanFeed {
  pickupPlanUpdates {
    date
    child {
      id
    }
    plan {
      ...PickupPlanFields
    }
  }
}
    fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`) as unknown as TypedDocumentString<PickupPlanFeedSubscription, PickupPlanFeedSubscriptionVariables>;
export const PickupWarningFeedDocument = new TypedDocumentString(`
    subscription PickupWarningFeed {
  pickupWarningUpdates {
    id
    pickupBy
    raisedAt
    child {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PickupWarningFeedSubscription, PickupWarningFeedSubscriptionVariables>;
export const RosterAdminDocument = new TypedDocumentString(`
    query RosterAdmin($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    name
    classrooms {
      id
      name
      ageBand
      children {
        ...AdminChildFields
      }
    }
  }
}
    fragment AdminChildFields on Child {
  id
  name
  nameKana
  birthDate
  enrolledOn
  withdrawnOn
  allergies
  classroom {
    id
  }
}`) as unknown as TypedDocumentString<RosterAdminQuery, RosterAdminQueryVariables>;
export const UpdateChildDocument = new TypedDocumentString(`
    mutation UpdateChild($childId: ID!, $input: ChildCorrectionInput!) {
  updateChild(childId: $childId, input: $input) {
    ...AdminChildFields
  }
}
    fragment AdminChildFields on Child {
  id
  name
  nameKana
  birthDate
  enrolledOn
  withdrawnOn
  allergies
  classroom {
    id
  }
}`) as unknown as TypedDocumentString<UpdateChildMutation, UpdateChildMutationVariables>;
export const SetChildAllergiesDocument = new TypedDocumentString(`
    mutation SetChildAllergies($childId: ID!, $allergens: [String!]!) {
  setChildAllergies(childId: $childId, allergens: $allergens) {
    id
    allergies
  }
}
    `) as unknown as TypedDocumentString<SetChildAllergiesMutation, SetChildAllergiesMutationVariables>;
export const MoveChildDocument = new TypedDocumentString(`
    mutation MoveChild($childId: ID!, $classroomId: ID!, $from: Date!) {
  moveChild(childId: $childId, classroomId: $classroomId, from: $from) {
    ...AdminChildFields
  }
}
    fragment AdminChildFields on Child {
  id
  name
  nameKana
  birthDate
  enrolledOn
  withdrawnOn
  allergies
  classroom {
    id
  }
}`) as unknown as TypedDocumentString<MoveChildMutation, MoveChildMutationVariables>;
export const WithdrawChildDocument = new TypedDocumentString(`
    mutation WithdrawChild($childId: ID!, $date: Date!) {
  withdrawChild(childId: $childId, date: $date) {
    id
    withdrawnOn
  }
}
    `) as unknown as TypedDocumentString<WithdrawChildMutation, WithdrawChildMutationVariables>;
export const RenameClassroomDocument = new TypedDocumentString(`
    mutation RenameClassroom($classroomId: ID!, $name: String!) {
  renameClassroom(classroomId: $classroomId, name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RenameClassroomMutation, RenameClassroomMutationVariables>;
export const RenameNurseryDocument = new TypedDocumentString(`
    mutation RenameNursery($nurseryId: ID!, $name: String!) {
  renameNursery(nurseryId: $nurseryId, name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RenameNurseryMutation, RenameNurseryMutationVariables>;
export const MoveUpPreviewDocument = new TypedDocumentString(`
    query MoveUpPreview($nurseryId: ID!, $from: Date!) {
  moveUpPreview(nurseryId: $nurseryId, from: $from) {
    ...MoveUpFields
  }
}
    fragment MoveUpFields on MoveUpPlanObject {
  moves {
    childId
    childName
    fromClassroom
    toClassroom
  }
  graduating
  unplacedClassrooms
}`) as unknown as TypedDocumentString<MoveUpPreviewQuery, MoveUpPreviewQueryVariables>;
export const ApplyMoveUpDocument = new TypedDocumentString(`
    mutation ApplyMoveUp($nurseryId: ID!, $from: Date!) {
  applyMoveUp(nurseryId: $nurseryId, from: $from) {
    ...MoveUpFields
  }
}
    fragment MoveUpFields on MoveUpPlanObject {
  moves {
    childId
    childName
    fromClassroom
    toClassroom
  }
  graduating
  unplacedClassrooms
}`) as unknown as TypedDocumentString<ApplyMoveUpMutation, ApplyMoveUpMutationVariables>;
export const ImportRosterDocument = new TypedDocumentString(`
    mutation ImportRoster($nurseryId: ID!, $csvBase64: String!, $dryRun: Boolean!) {
  importRoster(nurseryId: $nurseryId, csvBase64: $csvBase64, dryRun: $dryRun) {
    imported
    problems {
      line
      column
      message
    }
    classrooms
    families
    children
    guardians
    invitations {
      accountCodeId
      email
      displayName
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ImportRosterMutation, ImportRosterMutationVariables>;
export const ImportedCodesDocument = new TypedDocumentString(`
    query ImportedCodes($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    name
  }
  accountCodes(nurseryId: $nurseryId) {
    id
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ImportedCodesQuery, ImportedCodesQueryVariables>;
export const CorrectAttendanceDocument = new TypedDocumentString(`
    mutation CorrectAttendance($attendanceId: ID!, $reason: String!, $idempotencyKey: String) {
  correctAttendance(
    attendanceId: $attendanceId
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`) as unknown as TypedDocumentString<CorrectAttendanceMutation, CorrectAttendanceMutationVariables>;
export const HeadCalendarDocument = new TypedDocumentString(`
    query HeadCalendar($nurseryId: ID!, $from: Date!, $to: Date!) {
  nurseryCalendar(nurseryId: $nurseryId, from: $from, to: $to) {
    hours {
      ...NurseryHoursFields
    }
    days {
      ...CalendarDayFields
    }
  }
}
    fragment CalendarDayFields on CalendarDay {
  date
  open
  status
  holiday
  note
}
fragment NurseryHoursFields on NurseryHours {
  openWeekdays
  opensAt
  closesAt
  arrivalCheckAt
  lateGraceMinutes
}`) as unknown as TypedDocumentString<HeadCalendarQuery, HeadCalendarQueryVariables>;
export const SetNurseryHoursDocument = new TypedDocumentString(`
    mutation SetNurseryHours($nurseryId: ID!, $input: NurseryHoursInput!) {
  setNurseryHours(nurseryId: $nurseryId, input: $input) {
    ...NurseryHoursFields
  }
}
    fragment NurseryHoursFields on NurseryHours {
  openWeekdays
  opensAt
  closesAt
  arrivalCheckAt
  lateGraceMinutes
}`) as unknown as TypedDocumentString<SetNurseryHoursMutation, SetNurseryHoursMutationVariables>;
export const SetCalendarDayDocument = new TypedDocumentString(`
    mutation SetCalendarDay($nurseryId: ID!, $date: Date!, $open: Boolean, $note: String) {
  setCalendarDay(nurseryId: $nurseryId, date: $date, open: $open, note: $note) {
    ...CalendarDayFields
  }
}
    fragment CalendarDayFields on CalendarDay {
  date
  open
  status
  holiday
  note
}`) as unknown as TypedDocumentString<SetCalendarDayMutation, SetCalendarDayMutationVariables>;
export const CareClassDocument = new TypedDocumentString(`
    query CareClass($nurseryId: ID!, $date: Date!) {
  nursery(id: $nurseryId) {
    id
    feverThresholdC
    classrooms {
      id
      name
      ageBand
      children {
        id
        name
        allergies
        healthChecks(from: $date, to: $date) {
          id
          recordedAt
          temperatureC
          fever
          symptoms
          source
        }
        meals(from: $date, to: $date) {
          id
          meal
          amount
        }
        naps(from: $date, to: $date) {
          id
          startedAt
          endedAt
          checkIntervalSeconds
        }
        napChecks(from: $date, to: $date) {
          id
          checkedAt
          position
          breathingOk
          napId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CareClassQuery, CareClassQueryVariables>;
export const StaffHealthCheckDocument = new TypedDocumentString(`
    mutation StaffHealthCheck($input: HealthCheckInput!) {
  recordHealthCheck(input: $input) {
    id
    recordedAt
    temperatureC
    fever
    symptoms
    source
  }
}
    `) as unknown as TypedDocumentString<StaffHealthCheckMutation, StaffHealthCheckMutationVariables>;
export const StaffMealDocument = new TypedDocumentString(`
    mutation StaffMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    meal
    amount
  }
}
    `) as unknown as TypedDocumentString<StaffMealMutation, StaffMealMutationVariables>;
export const NapCheckRecordDocument = new TypedDocumentString(`
    mutation NapCheckRecord($input: NapCheckInput!) {
  recordNapCheck(input: $input) {
    id
    checkedAt
    position
    breathingOk
    napId
  }
}
    `) as unknown as TypedDocumentString<NapCheckRecordMutation, NapCheckRecordMutationVariables>;
export const NapEndDocument = new TypedDocumentString(`
    mutation NapEnd($childId: ID!, $endedAt: DateTime) {
  endNap(childId: $childId, endedAt: $endedAt) {
    id
    startedAt
    endedAt
    checkIntervalSeconds
  }
}
    `) as unknown as TypedDocumentString<NapEndMutation, NapEndMutationVariables>;
export const GrowthRecordDocument = new TypedDocumentString(`
    mutation GrowthRecord($input: GrowthInput!) {
  recordGrowth(input: $input) {
    id
    measuredOn
    heightCm
    weightKg
    flaggedForReview
  }
}
    `) as unknown as TypedDocumentString<GrowthRecordMutation, GrowthRecordMutationVariables>;
export const ClassGrowthDocument = new TypedDocumentString(`
    query ClassGrowth($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    classrooms {
      id
      children {
        id
        name
        birthDate
        growth {
          id
          measuredOn
          heightCm
          weightKg
          flaggedForReview
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClassGrowthQuery, ClassGrowthQueryVariables>;
export const JournalListDocument = new TypedDocumentString(`
    query JournalList($nurseryId: ID!, $kind: JournalKind, $status: JournalStatus, $from: Date, $to: Date) {
  journals(
    nurseryId: $nurseryId
    kind: $kind
    status: $status
    from: $from
    to: $to
  ) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<JournalListQuery, JournalListQueryVariables>;
export const JournalOneDocument = new TypedDocumentString(`
    query JournalOne($id: ID!) {
  journal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<JournalOneQuery, JournalOneQueryVariables>;
export const JournalRevisionsDocument = new TypedDocumentString(`
    query JournalRevisions($id: ID!) {
  journalHistory(id: $id) {
    revision
    status
    body
    action
    at
    actor {
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<JournalRevisionsQuery, JournalRevisionsQueryVariables>;
export const JournalPrefillDocument = new TypedDocumentString(`
    query JournalPrefill($kind: JournalKind!, $classroomId: ID, $childId: ID, $date: Date!) {
  journalTemplate(
    kind: $kind
    classroomId: $classroomId
    childId: $childId
    date: $date
  )
}
    `) as unknown as TypedDocumentString<JournalPrefillQuery, JournalPrefillQueryVariables>;
export const JournalSaveDocument = new TypedDocumentString(`
    mutation JournalSave($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<JournalSaveMutation, JournalSaveMutationVariables>;
export const JournalSubmitDocument = new TypedDocumentString(`
    mutation JournalSubmit($id: ID!, $revision: Int!) {
  submitJournal(id: $id, revision: $revision) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<JournalSubmitMutation, JournalSubmitMutationVariables>;
export const JournalApproveDocument = new TypedDocumentString(`
    mutation JournalApprove($id: ID!) {
  approveJournal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<JournalApproveMutation, JournalApproveMutationVariables>;
export const JournalReturnDocument = new TypedDocumentString(`
    mutation JournalReturn($id: ID!, $comment: String!) {
  returnJournal(id: $id, comment: $comment) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<JournalReturnMutation, JournalReturnMutationVariables>;
export const JournalPublishDocument = new TypedDocumentString(`
    mutation JournalPublish($id: ID!) {
  publishJournal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<JournalPublishMutation, JournalPublishMutationVariables>;
export const HeadNurseryDocument = new TypedDocumentString(`
    query HeadNursery($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    municipality {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<HeadNurseryQuery, HeadNurseryQueryVariables>;
export const DaySummariesDocument = new TypedDocumentString(`
    query DaySummaries($municipalityId: ID!, $from: Date!, $to: Date!, $nurseryId: ID) {
  nurseryDaySummaries(
    municipalityId: $municipalityId
    from: $from
    to: $to
    nurseryId: $nurseryId
  ) {
    date
    nursery {
      id
      name
    }
    enrolled
    present
    absent
    late
    napChecksRequired
    napChecksOnTime
    napCheckCompliance
    classrooms
    diariesApproved
  }
}
    `) as unknown as TypedDocumentString<DaySummariesQuery, DaySummariesQueryVariables>;
export const AuditEntriesDocument = new TypedDocumentString(`
    query AuditEntries($nurseryId: ID, $operation: String, $access: AuditAccess, $first: Int, $after: String) {
  auditLog(
    nurseryId: $nurseryId
    operation: $operation
    access: $access
    first: $first
    after: $after
  ) {
    entries {
      id
      at
      actorId
      access
      operation
      entityIds
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<AuditEntriesQuery, AuditEntriesQueryVariables>;
export const OfficerDashboardDocument = new TypedDocumentString(`
    query OfficerDashboard($municipalityId: ID!, $from: Date!, $to: Date!) {
  nurseryPeriodSummaries(municipalityId: $municipalityId, from: $from, to: $to) {
    nursery {
      id
      name
    }
    openDays
    enrolledChildDays
    presentChildDays
    absentChildDays
    lateArrivals
    attendanceRate
    absencesBySymptom {
      symptom
      count
    }
    ageBands {
      ageBand
      enrolled
      present
      absent
      late
      attendanceRate
      suppressed
    }
    napChecksRequired
    napChecksOnTime
    napCheckCompliance
    classroomDays
    diariesApproved
    diaryApprovalRate
  }
  nurseryDaySummaries(municipalityId: $municipalityId, from: $from, to: $to) {
    date
    nursery {
      id
    }
    absencesBySymptom {
      symptom
      count
    }
  }
  infectionAlerts(municipalityId: $municipalityId, from: $from, to: $to) {
    id
    nursery {
      id
      name
    }
    classroomName
    symptom
    windowStart
    windowEnd
    children
    raisedAt
  }
}
    `) as unknown as TypedDocumentString<OfficerDashboardQuery, OfficerDashboardQueryVariables>;
export const InfectionAlertFeedDocument = new TypedDocumentString(`
    subscription InfectionAlertFeed($municipalityId: ID!) {
  infectionAlerts(municipalityId: $municipalityId) {
    id
    nursery {
      id
      name
    }
    classroomName
    symptom
    windowStart
    windowEnd
    children
    raisedAt
  }
}
    `) as unknown as TypedDocumentString<InfectionAlertFeedSubscription, InfectionAlertFeedSubscriptionVariables>;
export const CareRecordFeedDocument = new TypedDocumentString(`
    subscription CareRecordFeed {
  careRecords {
    id
    kind
    classroomId
    occurredAt
    child {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CareRecordFeedSubscription, CareRecordFeedSubscriptionVariables>;
export const ArrivalChecksDocument = new TypedDocumentString(`
    query ArrivalChecks($nurseryId: ID!) {
  arrivalChecks(nurseryId: $nurseryId) {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ArrivalChecksQuery, ArrivalChecksQueryVariables>;
export const ArrivalCheckFeedDocument = new TypedDocumentString(`
    subscription ArrivalCheckFeed {
  arrivalCheckUpdates {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ArrivalCheckFeedSubscription, ArrivalCheckFeedSubscriptionVariables>;
export const CloseArrivalCheckDocument = new TypedDocumentString(`
    mutation CloseArrivalCheck($id: ID!, $note: String!) {
  closeArrivalCheck(id: $id, note: $note) {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<CloseArrivalCheckMutation, CloseArrivalCheckMutationVariables>;
export const DepartureChecksDocument = new TypedDocumentString(`
    query DepartureChecks($nurseryId: ID!) {
  departureChecks(nurseryId: $nurseryId) {
    ...DepartureCheckFields
  }
}
    fragment DepartureCheckFields on DepartureCheck {
  id
  open
  alerts
  resolution
  raisedAt
  alertedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<DepartureChecksQuery, DepartureChecksQueryVariables>;
export const DepartureCheckFeedDocument = new TypedDocumentString(`
    subscription DepartureCheckFeed {
  departureCheckUpdates {
    ...DepartureCheckFields
  }
}
    fragment DepartureCheckFields on DepartureCheck {
  id
  open
  alerts
  resolution
  raisedAt
  alertedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<DepartureCheckFeedSubscription, DepartureCheckFeedSubscriptionVariables>;
export const ExplainDepartureCheckDocument = new TypedDocumentString(`
    mutation ExplainDepartureCheck($id: ID!, $note: String!) {
  explainDepartureCheck(id: $id, note: $note) {
    ...DepartureCheckFields
  }
}
    fragment DepartureCheckFields on DepartureCheck {
  id
  open
  alerts
  resolution
  raisedAt
  alertedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ExplainDepartureCheckMutation, ExplainDepartureCheckMutationVariables>;