import{n as e,o as t,t as n}from"./jsxRuntime-CwlHkL6Z.js";import{c as r,d as i,f as ee,p as a,r as o,s,t as c}from"./queue-p-M8vcnJ.js";import{C as l,S as u,c as d,h as f,m as p,o as m,y as h}from"./index-Bc8s_29E.js";import{f as g,h as _}from"./shell-DQfVQozL.js";import{t as v}from"./strings-work-DPMdQIvZ.js";var y=new f(`
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
}`),b=new f(`
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
}`),te=new f(`
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
}`),ne=new f(`
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
}`),re=new f(`
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
}`),ie=new f(`
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
}`),ae=new f(`
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
}`),oe=new f(`
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
    `),se=new f(`
    mutation StaffMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    meal
    amount
  }
}
    `),x=new f(`
    mutation NapCheckRecord($input: NapCheckInput!) {
  recordNapCheck(input: $input) {
    id
    checkedAt
    position
    breathingOk
    napId
  }
}
    `),ce=new f(`
    mutation NapEnd($childId: ID!, $endedAt: DateTime) {
  endNap(childId: $childId, endedAt: $endedAt) {
    id
    startedAt
    endedAt
    checkIntervalSeconds
  }
}
    `),le=new f(`
    mutation GrowthRecord($input: GrowthInput!) {
  recordGrowth(input: $input) {
    id
    measuredOn
    heightCm
    weightKg
    flaggedForReview
  }
}
    `),S=new f(`
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
}`),C=new f(`
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
}`),w={ja:{undo:`取り消す`,undoWhatCHECK_IN:`{name}の登園（{time}）`,undoWhatCHECK_OUT:`{name}の降園（{time}）`,undoTitleCHECK_IN:`登園の記録を取り消しますか`,undoTitleCHECK_OUT:`降園の記録を取り消しますか`,undoLeadCHECK_IN:`{name}さんの {time} の登園を取り消し、「まだ登園していません」に戻します。`,undoLeadCHECK_OUT:`{name}さんの {time} の降園を取り消し、「登園」に戻します。`,undoKept:`記録は消えず「取り消し」として残ります。保護者のアプリにもすぐ反映されます。`,undoReason:`取り消す理由（必須）`,undoReasonMistap:`押し間違い`,undoReasonWrongChild:`別の子と間違えた`,undoReasonNotYet:`まだ来ていない／まだ帰っていない`,undoReasonNeeded:`理由を選ぶか書いてください`,undoConfirm:`取り消す`,undoKeep:`やめる`,undoDone:`{what}を取り消しました`,undoConflict:`この記録はすでに取り消されているか、後の記録があります。名簿を読み直しました。`,undoOffline:`通信できないため取り消せませんでした。つながってからもう一度押してください。`,undoFailed:`取り消せませんでした（{message}）`,navCalendar:`カレンダー`,calendarTitle:`園のカレンダー`,calendarLead:`開園日と時間、登園確認の時刻を設定します。日付を押すと、休園や特別開園にできます。`,calendarFailed:`読み込めませんでした`,prevMonth:`前の月`,nextMonth:`次の月`,thisMonth:`今月`,monthDays:`{month}の開園日`,markClosed:`休`,markHoliday:`祝`,markSpecial:`開`,legend:`休＝休園日　祝＝祝日　開＝特別開園`,statusOPEN:`開園`,statusSPECIAL_OPEN:`特別開園`,statusCLOSED_WEEKDAY:`休園（毎週の休園日）`,statusCLOSED_HOLIDAY:`休園（祝日）`,statusCLOSED_YEAR_END:`休園（年末年始）`,statusCLOSURE:`休園（園の都合）`,exceptionsTitle:`この月の休園日・特別開園日`,noExceptions:`この月の休園日はありません。`,dayTitle:`{date}`,dayNote:`メモ（保護者・職員向け。例: 園内研修のため）`,closeDay:`休園にする`,openDay:`特別に開園する`,saveNote:`メモを保存`,removeException:`通常に戻す`,cancel:`やめる`,dayOutOfRange:`変えられるのは1か月前から1年先までの日です`,daySaved:`{date}を「{status}」にしました`,hoursTitle:`毎週の開園日と時間`,openWeekdays:`開園する曜日`,opensAt:`開園`,closesAt:`閉園`,arrivalCheckAt:`登園確認の時刻`,arrivalCheckHint:`この時刻までに登園も連絡もない子を「登園確認」に出し、保護者に通知します`,lateGraceMinutes:`遅刻連絡の猶予（分）`,lateGraceHint:`連絡された登園時刻からこの時間を過ぎても来ないと登園確認に出します（0〜240）`,saveHours:`保存する`,hoursSaved:`保存しました`,hoursFailed:`保存できませんでした。入力を確かめてください`,errTimeNeeded:`時刻を入力してください`,errOpensAt:`開園時刻を正しく入力してください`,errClosesAt:`閉園は開園より後の時刻にしてください`,errArrivalCheckAt:`登園確認は開園から閉園までの時刻にしてください`,errLateGraceMinutes:`猶予は0〜240分で入力してください`,errOpenWeekdays:`曜日を選び直してください`,errNote:`メモが長すぎます`,weekday1:`月`,weekday2:`火`,weekday3:`水`,weekday4:`木`,weekday5:`金`,weekday6:`土`,weekday7:`日`,holidayName:`祝日: {name}`},en:{undo:`Undo`,undoWhatCHECK_IN:`{name}'s arrival ({time})`,undoWhatCHECK_OUT:`{name}'s departure ({time})`,undoTitleCHECK_IN:`Undo this arrival?`,undoTitleCHECK_OUT:`Undo this departure?`,undoLeadCHECK_IN:`{name}'s arrival at {time} is undone: back to not arrived yet.`,undoLeadCHECK_OUT:`{name}'s departure at {time} is undone: back to present.`,undoKept:`Nothing is deleted: the record stays, marked as undone. The family’s app shows the change at once.`,undoReason:`Reason (required)`,undoReasonMistap:`Tapped by mistake`,undoReasonWrongChild:`Wrong child`,undoReasonNotYet:`Not here yet / not gone yet`,undoReasonNeeded:`Choose or write a reason`,undoConfirm:`Undo`,undoKeep:`Keep it`,undoDone:`Undone: {what}`,undoConflict:`This record was already undone or has a later record. The roster was reloaded.`,undoOffline:`No connection: nothing was undone. Try again once connected.`,undoFailed:`Could not undo ({message})`,navCalendar:`Calendar`,calendarTitle:`Nursery calendar`,calendarLead:`Open days and hours, and the time of the arrival check. Tap a date to close it or open it specially.`,calendarFailed:`Could not load`,prevMonth:`Previous month`,nextMonth:`Next month`,thisMonth:`This month`,monthDays:`Open days in {month}`,markClosed:`C`,markHoliday:`H`,markSpecial:`O`,legend:`C = closed  H = public holiday  O = specially open`,statusOPEN:`Open`,statusSPECIAL_OPEN:`Specially open`,statusCLOSED_WEEKDAY:`Closed (weekly)`,statusCLOSED_HOLIDAY:`Closed (public holiday)`,statusCLOSED_YEAR_END:`Closed (New Year)`,statusCLOSURE:`Closed (by the nursery)`,exceptionsTitle:`Closed and special days this month`,noExceptions:`No closed days this month.`,dayTitle:`{date}`,dayNote:`Note (for families and staff, e.g. staff training)`,closeDay:`Close this day`,openDay:`Open specially`,saveNote:`Save note`,removeException:`Back to normal`,cancel:`Cancel`,dayOutOfRange:`Only days from a month ago to a year ahead can be changed`,daySaved:`{date} is now “{status}”`,hoursTitle:`Weekly days and hours`,openWeekdays:`Open on`,opensAt:`Opens`,closesAt:`Closes`,arrivalCheckAt:`Arrival check time`,arrivalCheckHint:`Children with no arrival and no report by this time are listed for the arrival check, and their families told`,lateGraceMinutes:`Grace for late arrivals (minutes)`,lateGraceHint:`A child reported late is listed once this long has passed after the time the family gave (0–240)`,saveHours:`Save`,hoursSaved:`Saved`,hoursFailed:`Not saved: please check the fields`,errTimeNeeded:`Enter a time`,errOpensAt:`Enter a valid opening time`,errClosesAt:`Closing must come after opening`,errArrivalCheckAt:`The arrival check must be between opening and closing`,errLateGraceMinutes:`The grace is 0 to 240 minutes`,errOpenWeekdays:`Choose the weekdays again`,errNote:`The note is too long`,weekday1:`Mon`,weekday2:`Tue`,weekday3:`Wed`,weekday4:`Thu`,weekday5:`Fri`,weekday6:`Sat`,weekday7:`Sun`,holidayName:`Public holiday: {name}`}};function T(t,n,r=e.value){let i=w[r][t];if(n)for(let[e,t]of Object.entries(n))i=i.split(`{${e}}`).join(String(t));return i}var E=[[`/`,`navRoster`],[`/arrivals`,`navArrivals`],[`/departures`,`navDepartures`],[`/pickup`,`navPickup`],[`/care/health`,`navHealth`],[`/care/meals`,`navMeals`],[`/care/naps`,`navNaps`],[`/care/growth`,`navGrowth`],[`/notebook`,`navNotebook`],[`/journals`,`navJournals`]],ue=[[`/overview`,`navOverview`],[`/inbox`,`navInbox`],[`/audit`,`navAudit`],[`/roster-admin`,`navRosterAdmin`]],de=[[`/calendar`,()=>T(`navCalendar`)]];function fe(){let e=m.value,t=e=>e.map(([e,t])=>[e,()=>v(t)]),r=d(p.value)?[...t(E),...t(ue),...de]:t(E);return n(`nav`,{class:`tabs staff-nav`,"aria-label":v(`staffNav`),children:r.map(([t,r])=>{let i=t===`/`?e===`/`:e.startsWith(t);return n(`a`,{href:t,class:i?`tab on`:`tab`,"aria-current":i?`page`:void 0,children:r()},t)})})}var D=t(null),O=t(!1);function k(e){let t=D.value??[],n=t.findIndex(t=>t.id===e.id);D.value=n<0?[...t,e]:t.map((t,r)=>r===n?e:t)}function A(e){return(e??[]).filter(e=>e.open).sort((e,t)=>e.child.name.localeCompare(t.child.name,`ja`))}function j(e){let t=()=>l(S,{nurseryId:e}).then(e=>{O.value=!1;let t=new Map((D.value??[]).map(e=>[e.id,e]));D.value=e.departureChecks.map(e=>t.get(e.id)??e)}).catch(()=>O.value=!0),n=h(C,()=>({}),e=>k(e.departureCheckUpdates));t();let r=_(),i=setInterval(()=>{_()!==r&&(r=_(),D.value=null,t())},6e4);return()=>{n(),clearInterval(i),D.value=null}}var M=t(null),N=t([]),P=t([]),F=t([]),I=t([]),L=t(!1),R=new c,z=`tsunagu.nursery`,B=`tsunagu.staffCursor`,V=``,H=``,U=[];function W(){return`${z}.${V}`}function G(e){M.value=e;try{localStorage.setItem(W(),JSON.stringify({date:_(),nursery:e,reports:N.value}))}catch{}}function pe(){try{let e=localStorage.getItem(W());if(!e)return;let t=JSON.parse(e);if(t.date!==_())return;M.value=t.nursery,N.value=t.reports}catch{}}async function K(){let e=_();try{let[t,n]=await Promise.all([l(b,{nurseryId:V,date:e}),l(te,{nurseryId:V,date:e})]);H=e,N.value=n.absenceReports,t.nursery&&G(t.nursery),L.value=!1}catch(e){M.value||(L.value=!(e instanceof u&&e.transient))}}function q(e,t){let n=M.value;n&&G({...n,classrooms:n.classrooms.map(n=>n.children.some(t=>t.id===e)?{...n,children:n.children.map(n=>n.id===e?t(n):n)}:n)})}function J(e){e.cursor&&localStorage.setItem(B,e.cursor),g(e.occurredAt)===_()&&q(e.child.id,t=>({...t,attendance:s(t.attendance,e)}))}function Y(e){e.date===_()&&(N.value=r(N.value,e),q(e.child.id,t=>({...t,absences:r(t.absences,e)})))}async function X(){F.value=await R.list()}var Z=new Set;function me(e){return Z.add(e),()=>Z.delete(e)}async function he(e,t,n){let r={key:o(),op:t,childId:e.id,childName:e.name,occurredAt:new Date().toISOString(),queuedAt:Date.now(),input:n};return F.value=[...F.value,r],await R.enqueue(r),$(),r}async function ge(e,t){let n=e.input??{},r=e.key;switch(e.op){case`HEALTH`:return(await l(oe,{input:{...n,recordedAt:t?e.occurredAt:null,idempotencyKey:r}})).recordHealthCheck;case`MEAL`:return(await l(se,{input:{...n,idempotencyKey:r}})).recordMeal;case`GROWTH`:return(await l(le,{input:{...n,idempotencyKey:r}})).recordGrowth;case`NAP_CHECK`:return(await l(x,{input:{...n,checkedAt:t?e.occurredAt:null,idempotencyKey:r}})).recordNapCheck;default:return(await l(ce,{childId:e.childId,endedAt:t?e.occurredAt:null})).endNap}}async function _e(e,t,n,r){let i={key:o(),op:t,childId:e.id,childName:e.name,occurredAt:new Date().toISOString(),pickupBy:n?.trim()||void 0,pickupPersonId:r,queuedAt:Date.now()};F.value=[...F.value,i],await R.enqueue(i),await $()}async function ve(e){let t=Date.now()-e.queuedAt>12e4,n=t?e.occurredAt:null;try{if(e.op!==`CHECK_IN`&&e.op!==`CHECK_OUT`){let n=await ge(e,t);for(let t of Z)t(e,n);return{kind:`done`}}return J(e.op===`CHECK_IN`?(await l(ne,{input:{childId:e.childId,occurredAt:n,idempotencyKey:e.key}})).checkIn:(await l(re,{input:{childId:e.childId,occurredAt:n,pickupBy:e.pickupBy??null,pickupPersonId:e.pickupPersonId??null,idempotencyKey:e.key}})).checkOut),{kind:`done`}}catch(e){return e instanceof u&&!e.transient?{kind:`refused`,code:e.code,message:e.message}:{kind:`retry`}}}var Q=!1;async function $(){Q=!1,await R.replay(ve,e=>{Q=!0,I.value=[...I.value,e]},()=>{}),await X(),Q&&await K()}async function ye(e,t,n){try{return J((await l(ae,{attendanceId:e.id,reason:t,idempotencyKey:n})).correctAttendance),{kind:`done`}}catch(e){return e instanceof u&&e.transient?{kind:`offline`}:e instanceof u&&(e.code===`CONFLICT`||e.code===`NOT_FOUND`)?(await K(),{kind:`conflict`}):{kind:`failed`,message:e instanceof Error?e.message:String(e)}}}function be(e){I.value=I.value.filter(t=>t.tap.key!==e)}async function xe(e){Y((await l(ie,{id:e})).acknowledgeAbsence)}function Se(e){P.value=P.value.filter(t=>t.id!==e)}function Ce(e){if(V===e)return;V=e,pe(),X(),l(i).then(e=>localStorage.setItem(B,e.liveCursor)).catch(()=>{}).then(()=>K()).then(()=>{if(V===e)return U.push(h(a,()=>({after:localStorage.getItem(B)}),e=>J(e.attendanceEvents))),$()}),U.push(h(y,()=>({}),e=>Y(e.absenceUpdates)),h(ee,()=>({}),e=>{P.value.some(t=>t.id===e.careAlerts.id)||(P.value=[...P.value,e.careAlerts])}),j(e));let t=()=>void $();window.addEventListener(`online`,t),U.push(()=>window.removeEventListener(`online`,t)),setInterval(()=>{F.value.length&&$(),H&&H!==_()&&K()},1e4)}export{O as _,L as a,fe as b,me as c,I as d,N as f,D as g,ye as h,be as i,F as l,_e as m,P as n,K as o,Ce as p,Se as r,M as s,xe as t,he as u,k as v,T as x,A as y};