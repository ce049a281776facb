import{n as e,o as t,t as n}from"./jsxRuntime-nMkLdJGP.js";import{d as r,l as i,o as a,r as o,s,t as c,u as ee}from"./queue-nY6a-7o_.js";import{C as l,S as u,c as d,h as f,m as te,o as p,y as m}from"./index-BVrHyDWs.js";import{d as h,m as g}from"./shell-CJ9o8elv.js";import{t as _}from"./strings-work-cizDhFnL.js";var v=new f(`
    subscription AbsenceFeed {
  absenceReports {
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
}`),y=new f(`
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
}`),x=new f(`
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
}`),S=new f(`
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
}`),C=new f(`
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
}`),w=new f(`
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
}`),T=new f(`
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
    `),ne=new f(`
    mutation StaffMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    meal
    amount
  }
}
    `),E=new f(`
    mutation NapCheckRecord($input: NapCheckInput!) {
  recordNapCheck(input: $input) {
    id
    checkedAt
    position
    breathingOk
    napId
  }
}
    `),re=new f(`
    mutation NapEnd($childId: ID!, $endedAt: DateTime) {
  endNap(childId: $childId, endedAt: $endedAt) {
    id
    startedAt
    endedAt
    checkIntervalSeconds
  }
}
    `),ie=new f(`
    mutation GrowthRecord($input: GrowthInput!) {
  recordGrowth(input: $input) {
    id
    measuredOn
    heightCm
    weightKg
    flaggedForReview
  }
}
    `),ae={ja:{undo:`取り消す`,undoWhatCHECK_IN:`{name}の登園（{time}）`,undoWhatCHECK_OUT:`{name}の降園（{time}）`,undoTitleCHECK_IN:`登園の記録を取り消しますか`,undoTitleCHECK_OUT:`降園の記録を取り消しますか`,undoLeadCHECK_IN:`{name}さんの {time} の登園を取り消し、「まだ登園していません」に戻します。`,undoLeadCHECK_OUT:`{name}さんの {time} の降園を取り消し、「登園」に戻します。`,undoKept:`記録は消えず「取り消し」として残ります。保護者のアプリにもすぐ反映されます。`,undoReason:`取り消す理由（必須）`,undoReasonMistap:`押し間違い`,undoReasonWrongChild:`別の子と間違えた`,undoReasonNotYet:`まだ来ていない／まだ帰っていない`,undoReasonNeeded:`理由を選ぶか書いてください`,undoConfirm:`取り消す`,undoKeep:`やめる`,undoDone:`{what}を取り消しました`,undoConflict:`この記録はすでに取り消されているか、後の記録があります。名簿を読み直しました。`,undoOffline:`通信できないため取り消せませんでした。つながってからもう一度押してください。`,undoFailed:`取り消せませんでした（{message}）`,navCalendar:`カレンダー`,calendarTitle:`園のカレンダー`,calendarLead:`開園日と時間、登園確認の時刻を設定します。日付を押すと、休園や特別開園にできます。`,calendarFailed:`読み込めませんでした`,prevMonth:`前の月`,nextMonth:`次の月`,thisMonth:`今月`,monthDays:`{month}の開園日`,markClosed:`休`,markHoliday:`祝`,markSpecial:`開`,legend:`休＝休園日　祝＝祝日　開＝特別開園`,statusOPEN:`開園`,statusSPECIAL_OPEN:`特別開園`,statusCLOSED_WEEKDAY:`休園（毎週の休園日）`,statusCLOSED_HOLIDAY:`休園（祝日）`,statusCLOSED_YEAR_END:`休園（年末年始）`,statusCLOSURE:`休園（園の都合）`,exceptionsTitle:`この月の休園日・特別開園日`,noExceptions:`この月の休園日はありません。`,dayTitle:`{date}`,dayNote:`メモ（保護者・職員向け。例: 園内研修のため）`,closeDay:`休園にする`,openDay:`特別に開園する`,saveNote:`メモを保存`,removeException:`通常に戻す`,cancel:`やめる`,dayOutOfRange:`変えられるのは1か月前から1年先までの日です`,daySaved:`{date}を「{status}」にしました`,hoursTitle:`毎週の開園日と時間`,openWeekdays:`開園する曜日`,opensAt:`開園`,closesAt:`閉園`,arrivalCheckAt:`登園確認の時刻`,arrivalCheckHint:`この時刻までに登園も連絡もない子を「登園確認」に出し、保護者に通知します`,lateGraceMinutes:`遅刻連絡の猶予（分）`,lateGraceHint:`連絡された登園時刻からこの時間を過ぎても来ないと登園確認に出します（0〜240）`,saveHours:`保存する`,hoursSaved:`保存しました`,hoursFailed:`保存できませんでした。入力を確かめてください`,errTimeNeeded:`時刻を入力してください`,errOpensAt:`開園時刻を正しく入力してください`,errClosesAt:`閉園は開園より後の時刻にしてください`,errArrivalCheckAt:`登園確認は開園から閉園までの時刻にしてください`,errLateGraceMinutes:`猶予は0〜240分で入力してください`,errOpenWeekdays:`曜日を選び直してください`,errNote:`メモが長すぎます`,weekday1:`月`,weekday2:`火`,weekday3:`水`,weekday4:`木`,weekday5:`金`,weekday6:`土`,weekday7:`日`,holidayName:`祝日: {name}`},en:{undo:`Undo`,undoWhatCHECK_IN:`{name}'s arrival ({time})`,undoWhatCHECK_OUT:`{name}'s departure ({time})`,undoTitleCHECK_IN:`Undo this arrival?`,undoTitleCHECK_OUT:`Undo this departure?`,undoLeadCHECK_IN:`{name}'s arrival at {time} is undone: back to not arrived yet.`,undoLeadCHECK_OUT:`{name}'s departure at {time} is undone: back to present.`,undoKept:`Nothing is deleted: the record stays, marked as undone. The family’s app shows the change at once.`,undoReason:`Reason (required)`,undoReasonMistap:`Tapped by mistake`,undoReasonWrongChild:`Wrong child`,undoReasonNotYet:`Not here yet / not gone yet`,undoReasonNeeded:`Choose or write a reason`,undoConfirm:`Undo`,undoKeep:`Keep it`,undoDone:`Undone: {what}`,undoConflict:`This record was already undone or has a later record. The roster was reloaded.`,undoOffline:`No connection: nothing was undone. Try again once connected.`,undoFailed:`Could not undo ({message})`,navCalendar:`Calendar`,calendarTitle:`Nursery calendar`,calendarLead:`Open days and hours, and the time of the arrival check. Tap a date to close it or open it specially.`,calendarFailed:`Could not load`,prevMonth:`Previous month`,nextMonth:`Next month`,thisMonth:`This month`,monthDays:`Open days in {month}`,markClosed:`C`,markHoliday:`H`,markSpecial:`O`,legend:`C = closed  H = public holiday  O = specially open`,statusOPEN:`Open`,statusSPECIAL_OPEN:`Specially open`,statusCLOSED_WEEKDAY:`Closed (weekly)`,statusCLOSED_HOLIDAY:`Closed (public holiday)`,statusCLOSED_YEAR_END:`Closed (New Year)`,statusCLOSURE:`Closed (by the nursery)`,exceptionsTitle:`Closed and special days this month`,noExceptions:`No closed days this month.`,dayTitle:`{date}`,dayNote:`Note (for families and staff, e.g. staff training)`,closeDay:`Close this day`,openDay:`Open specially`,saveNote:`Save note`,removeException:`Back to normal`,cancel:`Cancel`,dayOutOfRange:`Only days from a month ago to a year ahead can be changed`,daySaved:`{date} is now “{status}”`,hoursTitle:`Weekly days and hours`,openWeekdays:`Open on`,opensAt:`Opens`,closesAt:`Closes`,arrivalCheckAt:`Arrival check time`,arrivalCheckHint:`Children with no arrival and no report by this time are listed for the arrival check, and their families told`,lateGraceMinutes:`Grace for late arrivals (minutes)`,lateGraceHint:`A child reported late is listed once this long has passed after the time the family gave (0–240)`,saveHours:`Save`,hoursSaved:`Saved`,hoursFailed:`Not saved: please check the fields`,errTimeNeeded:`Enter a time`,errOpensAt:`Enter a valid opening time`,errClosesAt:`Closing must come after opening`,errArrivalCheckAt:`The arrival check must be between opening and closing`,errLateGraceMinutes:`The grace is 0 to 240 minutes`,errOpenWeekdays:`Choose the weekdays again`,errNote:`The note is too long`,weekday1:`Mon`,weekday2:`Tue`,weekday3:`Wed`,weekday4:`Thu`,weekday5:`Fri`,weekday6:`Sat`,weekday7:`Sun`,holidayName:`Public holiday: {name}`}};function D(t,n,r=e.value){let i=ae[r][t];if(n)for(let[e,t]of Object.entries(n))i=i.split(`{${e}}`).join(String(t));return i}var O=[[`/`,`navRoster`],[`/arrivals`,`navArrivals`],[`/care/health`,`navHealth`],[`/care/meals`,`navMeals`],[`/care/naps`,`navNaps`],[`/care/growth`,`navGrowth`],[`/notebook`,`navNotebook`],[`/journals`,`navJournals`]],oe=[[`/overview`,`navOverview`],[`/inbox`,`navInbox`],[`/audit`,`navAudit`]],se=[[`/calendar`,()=>D(`navCalendar`)]];function k(){let e=p.value,t=e=>e.map(([e,t])=>[e,()=>_(t)]),r=d(te.value)?[...t(O),...t(oe),...se]:t(O);return n(`nav`,{class:`tabs staff-nav`,"aria-label":_(`staffNav`),children:r.map(([t,r])=>{let i=t===`/`?e===`/`:e.startsWith(t);return n(`a`,{href:t,class:i?`tab on`:`tab`,"aria-current":i?`page`:void 0,children:r()},t)})})}var A=t(null),j=t([]),M=t([]),N=t([]),P=t([]),F=t(!1),I=new c,L=`tsunagu.nursery`,R=`tsunagu.staffCursor`,z=``,B=``,V=[];function H(){return`${L}.${z}`}function U(e){A.value=e;try{localStorage.setItem(H(),JSON.stringify({date:g(),nursery:e,reports:j.value}))}catch{}}function W(){try{let e=localStorage.getItem(H());if(!e)return;let t=JSON.parse(e);if(t.date!==g())return;A.value=t.nursery,j.value=t.reports}catch{}}async function G(){let e=g();try{let[t,n]=await Promise.all([l(y,{nurseryId:z,date:e}),l(b,{nurseryId:z,date:e})]);B=e,j.value=n.absenceReports,t.nursery&&U(t.nursery),F.value=!1}catch(e){A.value||(F.value=!(e instanceof u&&e.transient))}}function K(e,t){let n=A.value;n&&U({...n,classrooms:n.classrooms.map(n=>n.children.some(t=>t.id===e)?{...n,children:n.children.map(n=>n.id===e?t(n):n)}:n)})}function q(e){e.cursor&&localStorage.setItem(R,e.cursor),h(e.occurredAt)===g()&&K(e.child.id,t=>({...t,attendance:a(t.attendance,e)}))}function J(e){e.date===g()&&(j.value=s(j.value,e),K(e.child.id,t=>({...t,absences:s(t.absences,e)})))}async function Y(){N.value=await I.list()}var X=new Set;function ce(e){return X.add(e),()=>X.delete(e)}async function le(e,t,n){let r={key:o(),op:t,childId:e.id,childName:e.name,occurredAt:new Date().toISOString(),queuedAt:Date.now(),input:n};return N.value=[...N.value,r],await I.enqueue(r),$(),r}async function ue(e,t){let n=e.input??{},r=e.key;switch(e.op){case`HEALTH`:return(await l(T,{input:{...n,recordedAt:t?e.occurredAt:null,idempotencyKey:r}})).recordHealthCheck;case`MEAL`:return(await l(ne,{input:{...n,idempotencyKey:r}})).recordMeal;case`GROWTH`:return(await l(ie,{input:{...n,idempotencyKey:r}})).recordGrowth;case`NAP_CHECK`:return(await l(E,{input:{...n,checkedAt:t?e.occurredAt:null,idempotencyKey:r}})).recordNapCheck;default:return(await l(re,{childId:e.childId,endedAt:t?e.occurredAt:null})).endNap}}async function de(e,t,n){let r={key:o(),op:t,childId:e.id,childName:e.name,occurredAt:new Date().toISOString(),pickupBy:n?.trim()||void 0,queuedAt:Date.now()};N.value=[...N.value,r],await I.enqueue(r),await $()}async function Z(e){let t=Date.now()-e.queuedAt>12e4,n=t?e.occurredAt:null;try{if(e.op!==`CHECK_IN`&&e.op!==`CHECK_OUT`){let n=await ue(e,t);for(let t of X)t(e,n);return{kind:`done`}}return q(e.op===`CHECK_IN`?(await l(x,{input:{childId:e.childId,occurredAt:n,idempotencyKey:e.key}})).checkIn:(await l(S,{input:{childId:e.childId,occurredAt:n,pickupBy:e.pickupBy??null,idempotencyKey:e.key}})).checkOut),{kind:`done`}}catch(e){return e instanceof u&&!e.transient?{kind:`refused`,code:e.code,message:e.message}:{kind:`retry`}}}var Q=!1;async function $(){Q=!1,await I.replay(Z,e=>{Q=!0,P.value=[...P.value,e]},()=>{}),await Y(),Q&&await G()}async function fe(e,t,n){try{return q((await l(w,{attendanceId:e.id,reason:t,idempotencyKey:n})).correctAttendance),{kind:`done`}}catch(e){return e instanceof u&&e.transient?{kind:`offline`}:e instanceof u&&(e.code===`CONFLICT`||e.code===`NOT_FOUND`)?(await G(),{kind:`conflict`}):{kind:`failed`,message:e instanceof Error?e.message:String(e)}}}function pe(e){P.value=P.value.filter(t=>t.tap.key!==e)}async function me(e){J((await l(C,{id:e})).acknowledgeAbsence)}function he(e){M.value=M.value.filter(t=>t.id!==e)}function ge(e){if(z===e)return;z=e,W(),Y(),l(i).then(e=>localStorage.setItem(R,e.liveCursor)).catch(()=>{}).then(()=>G()).then(()=>{if(z===e)return V.push(m(r,()=>({after:localStorage.getItem(R)}),e=>q(e.attendanceEvents))),$()}),V.push(m(v,()=>({}),e=>J(e.absenceReports)),m(ee,()=>({}),e=>{M.value.some(t=>t.id===e.careAlerts.id)||(M.value=[...M.value,e.careAlerts])}));let t=()=>void $();window.addEventListener(`online`,t),V.push(()=>window.removeEventListener(`online`,t)),setInterval(()=>{N.value.length&&$(),B&&B!==g()&&G()},1e4)}export{F as a,N as c,j as d,ge as f,D as g,k as h,pe as i,le as l,fe as m,M as n,A as o,de as p,he as r,ce as s,me as t,P as u};