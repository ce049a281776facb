import{n as e,o as t,s as n,t as r}from"./jsxRuntime-K-K-D2y6.js";import{c as i,d as a,f as o,p as s,r as c,s as l,t as ee}from"./queue-CEk2iEdD.js";import{C as u,S as d,b as f,c as te,h as p,m,o as h,y as g}from"./index-D4TBl890.js";import{f as _,h as v}from"./shell-BLv-c9W6.js";import{t as y}from"./strings-work-CWROeNbD.js";var b=new p(`
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
}`),x=new p(`
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
}`),S=new p(`
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
}`),ne=new p(`
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
}`),re=new p(`
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
}`),ie=new p(`
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
}`),ae=new p(`
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
}`),oe=new p(`
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
    `),se=new p(`
    mutation StaffMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    meal
    amount
  }
}
    `),ce=new p(`
    mutation NapCheckRecord($input: NapCheckInput!) {
  recordNapCheck(input: $input) {
    id
    checkedAt
    position
    breathingOk
    napId
  }
}
    `),le=new p(`
    mutation NapEnd($childId: ID!, $endedAt: DateTime) {
  endNap(childId: $childId, endedAt: $endedAt) {
    id
    startedAt
    endedAt
    checkIntervalSeconds
  }
}
    `),ue=new p(`
    mutation GrowthRecord($input: GrowthInput!) {
  recordGrowth(input: $input) {
    id
    measuredOn
    heightCm
    weightKg
    flaggedForReview
  }
}
    `),de=new p(`
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
}`),fe=new p(`
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
}`),pe={ja:{undo:`取り消す`,undoWhatCHECK_IN:`{name}の登園（{time}）`,undoWhatCHECK_OUT:`{name}の降園（{time}）`,undoTitleCHECK_IN:`登園の記録を取り消しますか`,undoTitleCHECK_OUT:`降園の記録を取り消しますか`,undoLeadCHECK_IN:`{name}さんの {time} の登園を取り消し、「まだ登園していません」に戻します。`,undoLeadCHECK_OUT:`{name}さんの {time} の降園を取り消し、「登園」に戻します。`,undoKept:`記録は消えず「取り消し」として残ります。保護者のアプリにもすぐ反映されます。`,undoReason:`取り消す理由（必須）`,undoReasonMistap:`押し間違い`,undoReasonWrongChild:`別の子と間違えた`,undoReasonNotYet:`まだ来ていない／まだ帰っていない`,undoReasonNeeded:`理由を選ぶか書いてください`,undoConfirm:`取り消す`,undoKeep:`やめる`,undoDone:`{what}を取り消しました`,undoConflict:`この記録はすでに取り消されているか、後の記録があります。名簿を読み直しました。`,undoOffline:`通信できないため取り消せませんでした。つながってからもう一度押してください。`,undoFailed:`取り消せませんでした（{message}）`,navCalendar:`カレンダー`,calendarTitle:`園のカレンダー`,calendarLead:`開園日と時間、登園確認の時刻を設定します。日付を押すと、休園や特別開園にできます。`,calendarFailed:`読み込めませんでした`,prevMonth:`前の月`,nextMonth:`次の月`,thisMonth:`今月`,monthDays:`{month}の開園日`,markClosed:`休`,markHoliday:`祝`,markSpecial:`開`,legend:`休＝休園日　祝＝祝日　開＝特別開園`,statusOPEN:`開園`,statusSPECIAL_OPEN:`特別開園`,statusCLOSED_WEEKDAY:`休園（毎週の休園日）`,statusCLOSED_HOLIDAY:`休園（祝日）`,statusCLOSED_YEAR_END:`休園（年末年始）`,statusCLOSURE:`休園（園の都合）`,exceptionsTitle:`この月の休園日・特別開園日`,noExceptions:`この月の休園日はありません。`,dayTitle:`{date}`,dayNote:`メモ（保護者・職員向け。例: 園内研修のため）`,closeDay:`休園にする`,openDay:`特別に開園する`,saveNote:`メモを保存`,removeException:`通常に戻す`,cancel:`やめる`,dayOutOfRange:`変えられるのは1か月前から1年先までの日です`,daySaved:`{date}を「{status}」にしました`,hoursTitle:`毎週の開園日と時間`,openWeekdays:`開園する曜日`,opensAt:`開園`,closesAt:`閉園`,arrivalCheckAt:`登園確認の時刻`,arrivalCheckHint:`この時刻までに登園も連絡もない子を「登園確認」に出し、保護者に通知します`,lateGraceMinutes:`遅刻連絡の猶予（分）`,lateGraceHint:`連絡された登園時刻からこの時間を過ぎても来ないと登園確認に出します（0〜240）`,saveHours:`保存する`,hoursSaved:`保存しました`,hoursFailed:`保存できませんでした。入力を確かめてください`,errTimeNeeded:`時刻を入力してください`,errOpensAt:`開園時刻を正しく入力してください`,errClosesAt:`閉園は開園より後の時刻にしてください`,errArrivalCheckAt:`登園確認は開園から閉園までの時刻にしてください`,errLateGraceMinutes:`猶予は0〜240分で入力してください`,errOpenWeekdays:`曜日を選び直してください`,errNote:`メモが長すぎます`,weekday1:`月`,weekday2:`火`,weekday3:`水`,weekday4:`木`,weekday5:`金`,weekday6:`土`,weekday7:`日`,holidayName:`祝日: {name}`},en:{undo:`Undo`,undoWhatCHECK_IN:`{name}'s arrival ({time})`,undoWhatCHECK_OUT:`{name}'s departure ({time})`,undoTitleCHECK_IN:`Undo this arrival?`,undoTitleCHECK_OUT:`Undo this departure?`,undoLeadCHECK_IN:`{name}'s arrival at {time} is undone: back to not arrived yet.`,undoLeadCHECK_OUT:`{name}'s departure at {time} is undone: back to present.`,undoKept:`Nothing is deleted: the record stays, marked as undone. The family’s app shows the change at once.`,undoReason:`Reason (required)`,undoReasonMistap:`Tapped by mistake`,undoReasonWrongChild:`Wrong child`,undoReasonNotYet:`Not here yet / not gone yet`,undoReasonNeeded:`Choose or write a reason`,undoConfirm:`Undo`,undoKeep:`Keep it`,undoDone:`Undone: {what}`,undoConflict:`This record was already undone or has a later record. The roster was reloaded.`,undoOffline:`No connection: nothing was undone. Try again once connected.`,undoFailed:`Could not undo ({message})`,navCalendar:`Calendar`,calendarTitle:`Nursery calendar`,calendarLead:`Open days and hours, and the time of the arrival check. Tap a date to close it or open it specially.`,calendarFailed:`Could not load`,prevMonth:`Previous month`,nextMonth:`Next month`,thisMonth:`This month`,monthDays:`Open days in {month}`,markClosed:`C`,markHoliday:`H`,markSpecial:`O`,legend:`C = closed  H = public holiday  O = specially open`,statusOPEN:`Open`,statusSPECIAL_OPEN:`Specially open`,statusCLOSED_WEEKDAY:`Closed (weekly)`,statusCLOSED_HOLIDAY:`Closed (public holiday)`,statusCLOSED_YEAR_END:`Closed (New Year)`,statusCLOSURE:`Closed (by the nursery)`,exceptionsTitle:`Closed and special days this month`,noExceptions:`No closed days this month.`,dayTitle:`{date}`,dayNote:`Note (for families and staff, e.g. staff training)`,closeDay:`Close this day`,openDay:`Open specially`,saveNote:`Save note`,removeException:`Back to normal`,cancel:`Cancel`,dayOutOfRange:`Only days from a month ago to a year ahead can be changed`,daySaved:`{date} is now “{status}”`,hoursTitle:`Weekly days and hours`,openWeekdays:`Open on`,opensAt:`Opens`,closesAt:`Closes`,arrivalCheckAt:`Arrival check time`,arrivalCheckHint:`Children with no arrival and no report by this time are listed for the arrival check, and their families told`,lateGraceMinutes:`Grace for late arrivals (minutes)`,lateGraceHint:`A child reported late is listed once this long has passed after the time the family gave (0–240)`,saveHours:`Save`,hoursSaved:`Saved`,hoursFailed:`Not saved: please check the fields`,errTimeNeeded:`Enter a time`,errOpensAt:`Enter a valid opening time`,errClosesAt:`Closing must come after opening`,errArrivalCheckAt:`The arrival check must be between opening and closing`,errLateGraceMinutes:`The grace is 0 to 240 minutes`,errOpenWeekdays:`Choose the weekdays again`,errNote:`The note is too long`,weekday1:`Mon`,weekday2:`Tue`,weekday3:`Wed`,weekday4:`Thu`,weekday5:`Fri`,weekday6:`Sat`,weekday7:`Sun`,holidayName:`Public holiday: {name}`}};function C(t,n,r=e.value){let i=pe[r][t];if(n)for(let[e,t]of Object.entries(n))i=i.split(`{${e}}`).join(String(t));return i}var w=[[`/`,`navRoster`],[`/arrivals`,`navArrivals`],[`/departures`,`navDepartures`],[`/pickup`,`navPickup`],[`/care/health`,`navHealth`],[`/care/meals`,`navMeals`],[`/care/naps`,`navNaps`],[`/care/growth`,`navGrowth`],[`/notebook`,`navNotebook`],[`/journals`,`navJournals`]],me=[[`/overview`,`navOverview`],[`/inbox`,`navInbox`],[`/audit`,`navAudit`],[`/roster-admin`,`navRosterAdmin`]],he=[[`/calendar`,()=>C(`navCalendar`)]];function ge(){let e=h.value,t=e=>e.map(([e,t])=>[e,()=>y(t)]),n=te(m.value)?[...t(w),...t(me),...he]:t(w);return r(`nav`,{class:`tabs staff-nav`,"aria-label":y(`staffNav`),children:n.map(([t,n])=>{let i=t===`/`?e===`/`:e.startsWith(t);return r(`a`,{href:t,class:i?`tab on`:`tab`,"aria-current":i?`page`:void 0,children:n()},t)})})}var T=n(null),E=n(!1);function D(e){let t=T.value??[],n=t.findIndex(t=>t.id===e.id);T.value=n<0?[...t,e]:t.map((t,r)=>r===n?e:t)}function O(e,t){return e.open===t.open?t.alerts>e.alerts?t:e:e.open?t:e}function k(e,t){let n=new Map(e.map(e=>[e.id,e]));return[...t.map(e=>{let t=n.get(e.id);return n.delete(e.id),t?O(t,e):e}),...n.values()]}function A(e){return(e??[]).filter(e=>e.open).sort((e,t)=>e.child.name.localeCompare(t.child.name,`ja`))}function j(e){let n=()=>u(de,{nurseryId:e}).then(e=>{E.value=!1,T.value=k(T.value??[],e.departureChecks)}).catch(()=>E.value=!0),r=g(fe,()=>({}),e=>D(e.departureCheckUpdates));n();let i=t(()=>{f.value&&n()}),a=v(),o=setInterval(()=>{v()!==a&&(a=v(),T.value=null),n()},15e3);return()=>{r(),i(),clearInterval(o),T.value=null}}var M=n(null),N=n([]),P=n([]),F=n([]),I=n([]),L=n(!1),R=new ee,_e=`tsunagu.nursery`,z=`tsunagu.staffCursor`,B=``,V=``,H=[];function U(){return`${_e}.${B}`}function W(e){M.value=e;try{localStorage.setItem(U(),JSON.stringify({date:v(),nursery:e,reports:N.value}))}catch{}}function ve(){try{let e=localStorage.getItem(U());if(!e)return;let t=JSON.parse(e);if(t.date!==v())return;M.value=t.nursery,N.value=t.reports}catch{}}async function G(){let e=v();try{let[t,n]=await Promise.all([u(x,{nurseryId:B,date:e}),u(S,{nurseryId:B,date:e})]);V=e,N.value=n.absenceReports,t.nursery&&W(t.nursery),L.value=!1}catch(e){M.value||(L.value=!(e instanceof d&&e.transient))}}function K(e,t){let n=M.value;n&&W({...n,classrooms:n.classrooms.map(n=>n.children.some(t=>t.id===e)?{...n,children:n.children.map(n=>n.id===e?t(n):n)}:n)})}function q(e){e.cursor&&localStorage.setItem(z,e.cursor),_(e.occurredAt)===v()&&K(e.child.id,t=>({...t,attendance:l(t.attendance,e)}))}function J(e){e.date===v()&&(N.value=i(N.value,e),K(e.child.id,t=>({...t,absences:i(t.absences,e)})))}async function Y(){F.value=await R.list()}var X=new Set;function ye(e){return X.add(e),()=>X.delete(e)}async function be(e,t,n){let r={key:c(),op:t,childId:e.id,childName:e.name,occurredAt:new Date().toISOString(),queuedAt:Date.now(),input:n};return F.value=[...F.value,r],await R.enqueue(r),$(),r}async function xe(e,t){let n=e.input??{},r=e.key;switch(e.op){case`HEALTH`:return(await u(oe,{input:{...n,recordedAt:t?e.occurredAt:null,idempotencyKey:r}})).recordHealthCheck;case`MEAL`:return(await u(se,{input:{...n,idempotencyKey:r}})).recordMeal;case`GROWTH`:return(await u(ue,{input:{...n,idempotencyKey:r}})).recordGrowth;case`NAP_CHECK`:return(await u(ce,{input:{...n,checkedAt:t?e.occurredAt:null,idempotencyKey:r}})).recordNapCheck;default:return(await u(le,{childId:e.childId,endedAt:t?e.occurredAt:null})).endNap}}async function Se(e,t,n,r){let i={key:c(),op:t,childId:e.id,childName:e.name,occurredAt:new Date().toISOString(),pickupBy:n?.trim()||void 0,pickupPersonId:r,queuedAt:Date.now()};F.value=[...F.value,i],await R.enqueue(i),await $()}async function Z(e){let t=Date.now()-e.queuedAt>12e4,n=t?e.occurredAt:null;try{if(e.op!==`CHECK_IN`&&e.op!==`CHECK_OUT`){let n=await xe(e,t);for(let t of X)t(e,n);return{kind:`done`}}return q(e.op===`CHECK_IN`?(await u(ne,{input:{childId:e.childId,occurredAt:n,idempotencyKey:e.key}})).checkIn:(await u(re,{input:{childId:e.childId,occurredAt:n,pickupBy:e.pickupBy??null,pickupPersonId:e.pickupPersonId??null,idempotencyKey:e.key}})).checkOut),{kind:`done`}}catch(e){return e instanceof d&&!e.transient?{kind:`refused`,code:e.code,message:e.message}:{kind:`retry`}}}var Q=!1;async function $(){Q=!1,await R.replay(Z,e=>{Q=!0,I.value=[...I.value,e]},()=>{}),await Y(),Q&&await G()}async function Ce(e,t,n){try{return q((await u(ae,{attendanceId:e.id,reason:t,idempotencyKey:n})).correctAttendance),{kind:`done`}}catch(e){return e instanceof d&&e.transient?{kind:`offline`}:e instanceof d&&(e.code===`CONFLICT`||e.code===`NOT_FOUND`)?(await G(),{kind:`conflict`}):{kind:`failed`,message:e instanceof Error?e.message:String(e)}}}function we(e){I.value=I.value.filter(t=>t.tap.key!==e)}async function Te(e){J((await u(ie,{id:e})).acknowledgeAbsence)}function Ee(e){P.value=P.value.filter(t=>t.id!==e)}function De(e){if(B===e)return;B=e,ve(),Y(),u(a).then(e=>localStorage.setItem(z,e.liveCursor)).catch(()=>{}).then(()=>G()).then(()=>{if(B===e)return H.push(g(s,()=>({after:localStorage.getItem(z)}),e=>q(e.attendanceEvents))),$()}),H.push(g(b,()=>({}),e=>J(e.absenceUpdates)),g(o,()=>({}),e=>{P.value.some(t=>t.id===e.careAlerts.id)||(P.value=[...P.value,e.careAlerts])}),j(e));let t=()=>void $();window.addEventListener(`online`,t),H.push(()=>window.removeEventListener(`online`,t)),setInterval(()=>{F.value.length&&$(),V&&V!==v()&&G()},1e4)}export{E as _,L as a,ge as b,ye as c,I as d,N as f,T as g,Ce as h,we as i,F as l,Se as m,P as n,G as o,De as p,Ee as r,M as s,Te as t,be as u,D as v,C as x,A as y};