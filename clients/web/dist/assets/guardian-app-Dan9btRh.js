import{c as e,d as t,f as n,i as r,n as i,s as a,t as o,u as s}from"./jsxRuntime-K-K-D2y6.js";import{C as c,S as l,a as u,h as d,i as f,o as p,y as m}from"./index-D4TBl890.js";import{AccountScreen as h}from"./account-screens-CDSFwk7c.js";import{Settings as g}from"./settings-BrvIbwNz.js";import{a as _,c as v,d as y,f as b,h as x,i as S,l as C,m as w,n as T,o as E,p as D,r as O,t as k,u as ee}from"./shell-BLv-c9W6.js";import{a as A,c as te,d as j,f as M,i as N,l as ne,p as re,r as P,s as F,u as ie}from"./queue-CEk2iEdD.js";var ae=new d(`
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
}`),oe=new d(`
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
    `),se=new d(`
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
    `),ce=new d(`
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
    `),le=new d(`
    query JournalById($id: ID!) {
  journal(id: $id) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),ue=new d(`
    mutation SaveNotebookHome($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),de=new d(`
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
}`),fe=new d(`
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
}`),pe=new d(`
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
}`),me=new d(`
    mutation RecordHealthCheck($input: HealthCheckInput!) {
  recordHealthCheck(input: $input) {
    id
    recordedAt
    temperatureC
    fever
    source
  }
}
    `),he=new d(`
    mutation RecordMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    date
    meal
    amount
  }
}
    `),ge=new d(`
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
}`),_e=new d(`
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
}`),ve=new d(`
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
}`),ye=new d(`
    mutation RemovePickupPerson($id: ID!) {
  removePickupPerson(id: $id) {
    id
  }
}
    `),be=new d(`
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
}`),xe=new d(`
    mutation ClearPickupPlan($childId: ID!, $date: Date!) {
  clearPickupPlan(childId: $childId, date: $date)
}
    `);function I(e){return A(e.attendance,e.absences)}function Se(e){switch(e.status){case`PRESENT`:return{cls:`st-present`,icon:`check`,text:e.by?r(`arrivedBy`,{time:C(e.at),by:e.by}):r(`arrived`,{time:C(e.at)})};case`LEFT`:return{cls:`st-left`,icon:`home`,text:e.pickupBy?r(`leftPickup`,{time:C(e.at),who:e.pickupBy}):r(`left`,{time:C(e.at)})};case`ABSENT`:return{cls:`st-absent`,icon:`cross`,text:r(`absentReported`)};case`LATE`:return{cls:`st-late`,icon:`clock`,text:e.at?r(`lateExpected`,{time:C(e.at)}):r(`kindLATE`)};default:return{cls:`st-none`,icon:`dash`,text:r(`notYet`)}}}function Ce({state:e}){let t=Se(e);return o(`p`,{class:`badge ${t.cls}`,"data-testid":`child-status`,children:[o(T,{name:t.icon,size:22}),o(`span`,{children:t.text})]})}function we({acknowledgedAt:e}){return e?o(`span`,{class:`ack yes`,"data-testid":`ack`,children:[o(T,{name:`check`,size:18}),` `,r(`acknowledgedAt`,{time:C(e)})]}):o(`span`,{class:`ack no`,"data-testid":`ack`,children:[o(T,{name:`clock`,size:18}),` `,r(`awaitingAck`)]})}var L=a(Oe()),Te=a(null),R=a([]);function Ee(e){R.value=R.value.filter(t=>t.id!==e)}var z=a([]),B=`tsunagu.cursor`,De=`tsunagu.home`,V=``,H=null;function Oe(){try{let e=localStorage.getItem(De);if(!e)return null;let t=JSON.parse(e);return t.date===x()?t.children:null}catch{return null}}function ke(e){try{localStorage.setItem(De,JSON.stringify({date:x(),children:e}))}catch{}}function U(e){L.value=e,ke(e)}async function W(e=!1){let t=x();try{let n=await c(ae,{from:t,to:t}),r=new Set((L.value??[]).flatMap(e=>e.attendance.map(e=>e.id))),i=V!==t;if(V=t,!i)for(let t of n.me.children)for(let n of t.attendance)!r.has(n.id)&&(e||Date.parse(n.occurredAt)<Date.now()-15e3)&&Ae(n);U(n.me.children),Te.value=null}catch(e){Te.value=e instanceof Error?e.message:String(e)}}function Ae(e){z.value.some(t=>t.id===e.id)||(z.value=[...z.value,e])}function je(){z.value=[]}function Me(e,t){localStorage.setItem(B,e.cursor);let n=L.value;if(!n||b(e.occurredAt)!==x())return;let r=n.find(t=>t.id===e.child.id);if(!r)return;if(e.corrects){U(n.map(t=>t===r?{...t,attendance:F(t.attendance,e)}:t));return}if(r.attendance.some(t=>t.id===e.id))return;let i=!O.value||document.visibilityState===`hidden`;(t===null?i:Date.parse(e.occurredAt)<=t)&&Ae(e),U(n.map(t=>t===r?{...t,attendance:F(t.attendance,e)}:t))}function G(e,t){let n=L.value;n&&U(n.map(n=>n.id===e?{...n,absences:te(n.absences,t)}:n))}function K(e,t){let n=L.value;n&&U(n.map(n=>n.id===e?t(n):n))}function Ne(){if(H)return;let e=!1;H=()=>{e=!0},c(j).then(e=>localStorage.setItem(B,e.liveCursor)).catch(()=>{}).then(()=>W()).then(()=>{e||(H=Pe())}),setInterval(()=>{document.visibilityState===`visible`&&V!==x()&&W()},6e4),window.addEventListener(`online`,Fe),document.addEventListener(`visibilitychange`,Ie)}function Pe(){let e=m(re,()=>({after:localStorage.getItem(B)}),(e,t)=>Me(e.attendanceEvents,t)),t=m(M,()=>({}),e=>{let t=e.careAlerts;t.kind===`FEVER`&&!R.value.some(e=>e.id===t.id)&&(R.value=[...R.value,{id:t.id,childId:t.child.id,name:t.child.name}]),W()}),n=m(ge,()=>({}),e=>{let t=e.absenceUpdates;t.date===x()&&G(t.child.id,t)}),r=m(ie,()=>({}),e=>{let t=e.pickupPlanUpdates;t.date===x()&&K(t.child.id,e=>({...e,pickupPlan:t.plan??null}))});return()=>{e(),t(),n(),r()}}function Fe(){W(!0)}function Ie(){document.visibilityState===`visible`&&W(!0)}function Le({childId:e}){let t=R.value.filter(t=>!e||t.childId===e);return t.length?o(`section`,{class:`card notice`,role:`alert`,"data-testid":`notice`,children:t.map(e=>o(`div`,{class:`notice-line`,children:[o(`p`,{children:[o(`strong`,{children:r(`pushFeverTitle`)}),o(`br`,{}),r(`pushFeverBody`,{name:Ve(e.name)})]}),o(`button`,{class:`btn small`,onClick:()=>Ee(e.id),children:r(`close`)})]},e.id))}):null}function Re(){let e=L.value;return o(k,{title:r(`appName`),children:[o(`p`,{class:`today`,children:r(`todayIs`,{date:E(x(),i.value)})}),o(Le,{}),o(ze,{}),!e&&o(`p`,{children:r(`loading`)}),e&&e.length===0&&o(`p`,{children:r(`noChildren`)}),e?.map(e=>o(He,{child:e},e.id))]})}function ze(){let e=z.value;if(!e.length)return null;let t=e=>Ve(L.value?.find(t=>t.id===e)?.name??``);return o(`section`,{class:`card missed`,"aria-labelledby":`missed-title`,"data-testid":`missed`,children:[o(`h2`,{id:`missed-title`,children:[o(T,{name:`bell`}),` `,r(`missedTitle`)]}),o(`ul`,{children:e.map(e=>o(`li`,{children:r(e.kind===`CHECK_IN`?`missedArrived`:`missedLeft`,{name:t(e.child.id),time:C(e.occurredAt)})},e.id))}),o(`button`,{class:`btn small`,onClick:je,children:r(`close`)})]})}function Be({child:e}){let t=`/children/${encodeURIComponent(e.id)}`;return o(`nav`,{class:`actions`,"aria-label":e.name,children:[o(`a`,{class:`btn action`,href:`${t}/pickup`,"data-testid":`pickup-link`,children:[o(T,{name:`person`}),` `,N(`pickup`)]}),o(`a`,{class:`btn action`,href:`${t}/report`,children:[o(T,{name:`message`}),` `,r(`reportAbsence`)]}),o(`a`,{class:`btn action`,href:`${t}/morning`,children:[o(T,{name:`thermo`}),` `,r(`morningCheck`)]}),o(`a`,{class:`btn action`,href:`${t}/notebook`,children:[o(T,{name:`book`}),` `,r(`notebook`)]}),o(`a`,{class:`btn action`,href:`${t}/month`,children:[o(T,{name:`calendar`}),` `,r(`monthView`)]}),o(`a`,{class:`btn action`,href:`${t}/growth`,children:[o(T,{name:`chart`}),` `,r(`growth`)]})]})}function Ve(e){let t=e.trim().split(/[ \u3000]/);return t[t.length-1]??e}function He({child:e}){let t=I(e),n=`/children/${encodeURIComponent(e.id)}`,i=e.healthChecks.find(e=>e.source===`HOME`&&e.temperatureC!=null);return o(`section`,{class:`card child`,"aria-labelledby":`c-${e.id}`,"data-testid":`child-card`,"data-child":e.id,children:[o(`a`,{class:`child-head`,href:n,children:[o(`h2`,{id:`c-${e.id}`,children:e.name}),o(`span`,{class:`muted`,children:e.classroom.name})]}),o(Ce,{state:t}),e.absences.map(t=>o(`p`,{class:`report-line`,children:[o(`span`,{children:[r(`kind${t.kind}`),t.symptoms.length>0&&`（${t.symptoms.map(e=>r(`symptom${e}`)).join(`・`)}）`]}),o(we,{acknowledgedAt:t.acknowledgedAt}),!t.acknowledgedAt&&o(`a`,{class:`btn small`,href:`/children/${encodeURIComponent(e.id)}/report/${encodeURIComponent(t.id)}`,"data-testid":`change-report`,children:r(`changeReport`)})]},t.id)),e.pickupPlan&&o(`p`,{class:`plan-line`,"data-testid":`plan-line`,children:[o(T,{name:`person`,size:18}),` `,N(`planLine`,{time:e.pickupPlan.time,name:e.pickupPlan.name}),` `,o(`span`,{class:e.pickupPlan.confirmed?`mark ok`:`mark waiting`,children:N(e.pickupPlan.confirmed?`confirmed`:`unconfirmed`)})]}),o(`p`,{class:`muted small`,children:i?r(`morningSent`,{temp:i.temperatureC.toFixed(1)}):r(`morningNotSent`)}),o(Be,{child:e})]})}var Ue=[`BREAKFAST`,`MORNING_SNACK`,`LUNCH`,`AFTERNOON_SNACK`];function We({child:e}){let t=[...e.meals].sort((e,t)=>Ue.indexOf(e.meal)-Ue.indexOf(t.meal)),n=!e.healthChecks.length&&!t.length&&!e.naps.length;return o(`section`,{class:`card`,"data-testid":`care-today`,children:[o(`h2`,{children:r(`careToday`)}),n&&o(`p`,{class:`muted`,children:r(`careNothing`)}),o(`ul`,{class:`timeline`,children:[e.healthChecks.map(e=>o(`li`,{class:e.fever?`fever-line`:void 0,children:[o(T,{name:e.fever?`alert`:`thermo`}),o(`span`,{children:[r(`careTemp`,{time:C(e.recordedAt),temp:e.temperatureC?.toFixed(1)??`—`}),e.fever&&o(`strong`,{children:[` `,r(`careFever`)]})]})]},e.id)),t.map(e=>o(`li`,{children:[o(T,{name:`check`}),o(`span`,{children:r(`careMealLine`,{meal:r(`meal${e.meal}`),amount:r(`ate${e.amount}`)})})]},e.id)),e.naps.map(e=>o(`li`,{children:[o(T,{name:`clock`}),o(`span`,{children:e.endedAt?r(`careNap`,{from:C(e.startedAt),to:C(e.endedAt)}):r(`careNapNow`,{from:C(e.startedAt)})})]},e.id))]})]})}function Ge({child:e}){let t=I(e),n=i.value;return o(k,{title:e.name,back:`/`,children:[o(`p`,{class:`today`,children:E(x(),n)}),o(Le,{childId:e.id}),o(`section`,{class:`card`,"data-testid":`child-day`,children:[o(`h2`,{class:`visually-hidden`,children:r(`childDay`)}),o(Ce,{state:t}),o(`ol`,{class:`timeline`,children:e.attendance.map(e=>o(`li`,{children:[o(T,{name:e.kind===`CHECK_IN`?`check`:`home`}),o(`span`,{children:e.kind===`CHECK_IN`?r(`arrivedBy`,{time:C(e.occurredAt),by:e.recordedBy.displayName}):e.pickupBy?r(`leftPickup`,{time:C(e.occurredAt),who:e.pickupBy}):r(`left`,{time:C(e.occurredAt)})})]},e.id))})]}),o(We,{child:e}),e.absences.length>0&&o(`section`,{class:`card`,children:[o(`h2`,{children:r(`todaysReports`)}),e.absences.map(t=>o(`div`,{class:`report-line`,"data-testid":`report`,children:[o(`span`,{children:[o(`strong`,{children:r(`kind${t.kind}`)}),` `,r(`reason${t.reason}`),t.symptoms.length>0&&`（${t.symptoms.map(e=>r(`symptom${e}`)).join(`・`)}）`,t.expectedArrival&&` ${C(t.expectedArrival)}`]}),o(we,{acknowledgedAt:t.acknowledgedAt}),!t.acknowledgedAt&&o(`a`,{class:`btn small`,href:`/children/${encodeURIComponent(e.id)}/report/${encodeURIComponent(t.id)}`,"data-testid":`change-report`,children:r(`changeReport`)})]},t.id))]}),o(Be,{child:e})]})}var q=340,J=220,Y={left:36,right:36,top:12,bottom:28};function Ke(e,t){let n=Math.floor(Math.min(...e)/t)*t,r=Math.ceil(Math.max(...e)/t)*t;return n===r?[n-t,r+t]:[n,r]}function qe({child:t}){let[a,u]=s(null),[d,f]=s(null);e(()=>{c(se,{id:t.id}).then(e=>u(e.child?.growth??[])).catch(e=>f(e instanceof l&&e.transient?r(`errorOffline`):r(`errorGeneric`)))},[t.id]);let p=i.value;return o(k,{title:r(`growth`),back:`/children/${encodeURIComponent(t.id)}`,children:[o(`p`,{class:`form-child`,children:t.name}),d&&o(`p`,{class:`error`,children:d}),!a&&!d&&o(`p`,{children:r(`loading`)}),a&&a.length===0&&o(`p`,{class:`muted`,children:r(`growthEmpty`)}),a&&a.length>0&&o(n,{children:[o(`section`,{class:`card`,children:[o(Je,{records:a}),o(`p`,{class:`legend`,children:[o(`span`,{class:`key height`,children:[`━ `,r(`height`),` (cm)`]}),o(`span`,{class:`key weight`,children:[`╍ `,r(`weight`),` (kg)`]})]})]}),o(`section`,{class:`card`,children:[o(`table`,{class:`growth-table`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:r(`measuredOn`)}),o(`th`,{scope:`col`,children:r(`height`)}),o(`th`,{scope:`col`,children:r(`weight`)}),o(`th`,{scope:`col`,children:r(`kaup`)})]})}),o(`tbody`,{children:[...a].reverse().map(e=>o(`tr`,{children:[o(`td`,{children:E(e.measuredOn,p)}),o(`td`,{children:e.heightCm==null?`—`:`${e.heightCm.toFixed(1)} cm`}),o(`td`,{children:e.weightKg==null?`—`:`${e.weightKg.toFixed(1)} kg`}),o(`td`,{"data-testid":`kaup`,children:e.kaupIndex==null?`—`:e.kaupIndex.toFixed(1)})]},e.id))})]}),o(`p`,{class:`muted small`,children:r(`kaupNote`)})]})]})]})}function Je({records:e}){let t=e.map(e=>Date.parse(`${e.measuredOn}T00:00:00Z`)),n=Math.min(...t),i=Math.max(...t),a=e=>Y.left+(e-n)/Math.max(1,i-n)*(q-Y.left-Y.right),s=e.filter(e=>e.heightCm!=null),c=e.filter(e=>e.weightKg!=null),[l,u]=Ke(s.length?s.map(e=>e.heightCm):[50,100],5),[d,f]=Ke(c.length?c.map(e=>e.weightKg):[3,20],1),p=e=>Y.top+(1-(e-l)/(u-l))*(J-Y.top-Y.bottom),m=e=>Y.top+(1-(e-d)/(f-d))*(J-Y.top-Y.bottom),h=(e,t,n)=>e.map((e,r)=>`${r?`L`:`M`}${a(Date.parse(`${e.measuredOn}T00:00:00Z`)).toFixed(1)},${n(t(e)).toFixed(1)}`).join(` `),g=e[0].measuredOn,_=e[e.length-1].measuredOn,v=`${r(`height`)} ${s[0]?.heightCm??``}→${s[s.length-1]?.heightCm??``} cm, ${r(`weight`)} ${c[0]?.weightKg??``}→${c[c.length-1]?.weightKg??``} kg`;return o(`svg`,{class:`chart`,viewBox:`0 0 ${q} ${J}`,role:`img`,"aria-label":v,children:[o(`line`,{x1:Y.left,y1:J-Y.bottom,x2:q-Y.right,y2:J-Y.bottom,class:`axis`}),o(`line`,{x1:Y.left,y1:Y.top,x2:Y.left,y2:J-Y.bottom,class:`axis`}),o(`line`,{x1:q-Y.right,y1:Y.top,x2:q-Y.right,y2:J-Y.bottom,class:`axis`}),o(`text`,{x:Y.left-4,y:p(u)+4,class:`tick end`,children:u}),o(`text`,{x:Y.left-4,y:p(l),class:`tick end`,children:l}),o(`text`,{x:q-Y.right+4,y:m(f)+4,class:`tick`,children:f}),o(`text`,{x:q-Y.right+4,y:m(d),class:`tick`,children:d}),o(`text`,{x:Y.left,y:212,class:`tick`,children:g.slice(0,7)}),o(`text`,{x:q-Y.right,y:212,class:`tick end`,children:_.slice(0,7)}),o(`path`,{d:h(s,e=>e.heightCm,p),class:`series height`}),o(`path`,{d:h(c,e=>e.weightKg,m),class:`series weight`}),s.map(e=>o(`circle`,{cx:a(Date.parse(`${e.measuredOn}T00:00:00Z`)),cy:p(e.heightCm),r:`3`,class:`dot height`},`h${e.id}`)),c.map(e=>o(`rect`,{x:a(Date.parse(`${e.measuredOn}T00:00:00Z`))-3,y:m(e.weightKg)-3,width:`6`,height:`6`,class:`dot weight`},`w${e.id}`))]})}var Ye={PRESENT:{icon:`check`,cls:`st-present`,key:`present`},ABSENT:{icon:`cross`,cls:`st-absent`,key:`absent`},LATE:{icon:`clock`,cls:`st-late`,key:`late`}};function Xe({child:t}){let[a,u]=s(w(x())),[d,f]=s(null),[p,m]=s(null),{dates:h,firstWeekday:g}=D(a);e(()=>{f(null),c(oe,{id:t.id,from:h[0],to:h[h.length-1]}).then(e=>f(e.child)).catch(e=>m(e instanceof l&&e.transient?r(`errorOffline`):r(`errorGeneric`)))},[t.id,a]);let y=d?ne(h,d.attendance,d.absences,b):{},S=e=>Object.values(y).filter(t=>t===e).length,C=i.value,E=C===`ja`?[`日`,`月`,`火`,`水`,`木`,`金`,`土`]:[`Sun`,`Mon`,`Tue`,`Wed`,`Thu`,`Fri`,`Sat`],O=a>=w(x());return o(k,{title:r(`monthView`),back:`/children/${encodeURIComponent(t.id)}`,children:[o(`p`,{class:`form-child`,children:t.name}),o(`div`,{class:`month-nav`,children:[o(`button`,{class:`btn small`,onClick:()=>u(_(a,-1)),"aria-label":r(`prevMonth`),children:`‹`}),o(`h2`,{"aria-live":`polite`,children:v(a,C)}),o(`button`,{class:`btn small`,onClick:()=>u(_(a,1)),"aria-label":r(`nextMonth`),disabled:O,children:`›`})]}),p&&o(`p`,{class:`error`,children:p}),o(`p`,{class:`muted`,"data-testid":`month-summary`,children:d?r(`monthSummary`,{present:S(`PRESENT`)+S(`LATE`),absent:S(`ABSENT`),late:S(`LATE`)}):r(`loading`)}),o(`table`,{class:`calendar`,children:[o(`thead`,{children:o(`tr`,{children:E.map(e=>o(`th`,{scope:`col`,children:e},e))})}),o(`tbody`,{children:Ze(h,g).map((e,t)=>o(`tr`,{children:e.map((e,t)=>{let i=e?y[e]:void 0,a=i?Ye[i]:null;return o(`td`,{class:a?a.cls:``,children:e&&o(n,{children:[o(`span`,{class:`day-number`,children:Number(e.slice(8))}),a&&o(`span`,{class:`day-mark`,children:[o(T,{name:a.icon,size:16}),o(`span`,{class:`mark-text`,children:r(a.key)})]})]})},t)})},t))})]})]})}function Ze(e,t){let n=[...Array(t).fill(null),...e];for(;n.length%7;)n.push(null);let r=[];for(let e=0;e<n.length;e+=7)r.push(n.slice(e,e+7));return r}function X({legend:e,name:t,options:n,label:i,value:a,onChange:s,multiple:c=!1}){let l=e=>Array.isArray(a)?a.includes(e):a===e;return o(`fieldset`,{class:`choices`,children:[o(`legend`,{children:e}),o(`div`,{class:`chips`,children:n.map(e=>o(`label`,{class:l(e)?`chip on`:`chip`,children:[o(`input`,{type:c?`checkbox`:`radio`,name:t,value:e,checked:l(e),onChange:()=>s(e)}),o(`span`,{children:r(i(e))})]},e))})]})}var Qe=[`ALL`,`MOST`,`HALF`,`LITTLE`,`NONE`];function $e({child:e}){let[n,i]=s(`36.5`),[a,d]=s(null),[f,p]=s(null),[m,h]=s(!1),g=t(()=>({health:P(),meal:P()}),[]);return o(k,{title:r(`morningCheck`),back:`/`,children:o(`form`,{class:`card form`,onSubmit:async t=>{t.preventDefault();let i=Number(n.replace(`,`,`.`));if(!Number.isFinite(i))p(r(`required`));else{h(!0),p(null);try{let t=await c(me,{input:{childId:e.id,temperatureC:Math.round(i*10)/10,idempotencyKey:g.health}}),n=null;a&&(n=(await c(he,{input:{childId:e.id,date:x(),meal:`BREAKFAST`,amount:a,idempotencyKey:g.meal}})).recordMeal),K(e.id,e=>({...e,healthChecks:[...e.healthChecks.filter(e=>e.id!==t.recordHealthCheck.id),t.recordHealthCheck],meals:n?[...e.meals,n]:e.meals})),u(`/`)}catch(e){p(e instanceof l&&e.transient?r(`errorOffline`):e instanceof l?e.message:r(`errorGeneric`))}finally{h(!1)}}},children:[o(`p`,{class:`form-child`,children:e.name}),o(`label`,{class:`field big`,children:[o(`span`,{children:r(`temperature`)}),o(`input`,{type:`number`,name:`temperature`,inputMode:`decimal`,step:`0.1`,min:`34`,max:`42.5`,value:n,onInput:e=>i(e.currentTarget.value),required:!0})]}),o(X,{legend:r(`breakfast`),name:`breakfast`,options:Qe,label:e=>`amount${e}`,value:a,onChange:d}),f&&o(`p`,{class:`error`,role:`alert`,children:f}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:m,children:r(`send`)})]})})}var et=[[`arrival`,`secArrival`],[`temperature`,`secTemperature`],[`meals`,`secMeals`],[`nap`,`secNap`],[`mood`,`secMood`],[`activities`,`secActivities`],[`message`,`secMessage`]],tt=[[`sleep`,`homeSleep`],[`mood`,`homeMood`],[`breakfast`,`homeBreakfast`],[`message`,`homeMessage`]];function nt(e){try{let t=JSON.parse(e);return{nursery:t.nursery??{},home:t.home??{}}}catch{return{nursery:{},home:{}}}}function rt({child:t}){let[a,u]=s(null),[d,f]=s(null);e(()=>{let e=x();c(ce,{nurseryId:t.nurseryId,from:S(e,-30),to:e}).then(e=>u(e.journals.filter(e=>e.child?.id===t.id))).catch(e=>f(e instanceof l&&e.transient?r(`errorOffline`):r(`errorGeneric`)))},[t.id]);let p=i.value;return o(k,{title:r(`notebook`),back:`/children/${encodeURIComponent(t.id)}`,children:[o(`p`,{class:`form-child`,children:t.name}),o(it,{child:t}),d&&o(`p`,{class:`error`,children:d}),a&&a.length===0&&o(`p`,{class:`muted`,children:r(`notebookEmpty`)}),a?.map(e=>{let{nursery:t,home:i}=nt(e.body);return o(`article`,{class:`card notebook-page`,"data-testid":`notebook-page`,children:[o(`h2`,{children:E(e.periodStart,p)}),o(`h3`,{children:r(`notebookNursery`)}),o(`dl`,{children:et.filter(([e])=>t[e]!=null&&t[e]!==``).map(([e,n])=>o(`div`,{children:[o(`dt`,{children:r(n)}),o(`dd`,{children:String(t[e])})]},e))}),Object.values(i).some(e=>e!=null&&e!==``)&&o(n,{children:[o(`h3`,{children:r(`notebookHome`)}),o(`dl`,{children:tt.filter(([e])=>i[e]!=null&&i[e]!==``).map(([e,t])=>o(`div`,{children:[o(`dt`,{children:r(t)}),o(`dd`,{children:String(i[e])})]},e))})]})]},e.id)})]})}function it({child:t}){let n=`tsunagu.notebook.${t.id}`,[a,u]=s({}),[d,f]=s(null),[p,m]=s(!1),h=x(),g=()=>{try{let e=JSON.parse(localStorage.getItem(n)??`null`);return e&&e.date===h?e:null}catch{return null}};return e(()=>{let e=g();e&&c(le,{id:e.id}).then(t=>{if(!t.journal)return;localStorage.setItem(n,JSON.stringify({...e,revision:t.journal.revision}));let r=nt(t.journal.body).home;u(Object.fromEntries(Object.entries(r).map(([e,t])=>[e,t==null?``:String(t)])))}).catch(()=>{})},[t.id]),o(`form`,{class:`card form`,onSubmit:async e=>{e.preventDefault(),m(!0),f(null);let i=Object.fromEntries(Object.entries(a).filter(([,e])=>e.trim()!==``)),o=g();try{let e=await c(ue,{input:{journalId:o?.id??null,revision:o?.revision??null,kind:`CONTACT_NOTEBOOK`,childId:t.id,periodStart:h,periodEnd:h,body:JSON.stringify({home:i})}});localStorage.setItem(n,JSON.stringify({id:e.saveJournalDraft.id,revision:e.saveJournalDraft.revision,date:h})),f(r(`notebookSaved`))}catch(e){f(e instanceof l&&e.transient?r(`errorOffline`):e instanceof l?e.message:r(`errorGeneric`))}finally{m(!1)}},children:[o(`h2`,{children:r(`writeHome`)}),o(`p`,{class:`muted`,children:E(h,i.value)}),tt.map(([e,t])=>o(`label`,{class:`field`,children:[o(`span`,{children:r(t)}),e===`message`?o(`textarea`,{name:e,rows:3,maxLength:4e3,value:a[e]??``,onInput:t=>u({...a,[e]:t.currentTarget.value})}):o(`input`,{name:e,maxLength:200,value:a[e]??``,onInput:t=>u({...a,[e]:t.currentTarget.value})})]},e)),d&&o(`p`,{class:`note`,role:`status`,children:d}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:p,children:r(`save`)})]})}var Z=`one-off`;function Q(e){return e instanceof l?e.transient?r(`errorOffline`):e.message:r(`errorGeneric`)}function at({confirmed:e}){return o(`span`,{class:e?`mark ok`:`mark waiting`,"data-testid":`confirmed-mark`,children:[o(T,{name:e?`check`:`clock`,size:18}),N(e?`confirmed`:`unconfirmed`)]})}function ot({child:t}){let[n,i]=s(null),[a,l]=s(null),[u,d]=s(t.pickupPlan??null),[f,p]=s(null);return e(()=>{c(_e,{childId:t.id}).then(e=>{i(e.child?.family.id??null),l(e.child?.family.pickupPeople??[]),d(e.child?.pickupPlan??null)}).catch(e=>p(Q(e)))},[t.id]),o(k,{title:N(`pickupTitle`),back:`/`,children:[o(`p`,{class:`form-child`,children:t.name}),f&&o(`p`,{class:`error`,role:`alert`,children:f}),a&&o(st,{child:t,people:a,plan:u,onChanged:e=>{d(e),K(t.id,t=>({...t,pickupPlan:e}))}}),a&&n&&o(ct,{familyId:n,people:a,onChange:l}),!a&&!f&&o(`p`,{children:r(`loading`)})]})}function st({child:e,people:t,plan:r,onChanged:i}){let[a,l]=s(r?.time??`17:00`),[u,d]=s(r?.person?.id??(r?.oneOff?Z:``)),[f,p]=s({name:r?.oneOff?.name??``,relation:r?.oneOff?.relation??``,phone:r?.oneOff?.phone??``}),[m,h]=s(!1),[g,_]=s(null),[v,y]=s(!1);return o(`form`,{class:`card form`,onSubmit:async t=>{if(t.preventDefault(),!u)_(N(`needPerson`));else{h(!0),_(null),y(!1);try{let t={childId:e.id,date:x(),time:a,personId:u===Z?null:u,oneOff:u===Z?f:null};i((await c(be,{input:t})).setPickupPlan),y(!0)}catch(e){_(Q(e))}finally{h(!1)}}},"aria-labelledby":`plan-title`,"data-testid":`pickup-plan`,children:[o(`h2`,{id:`plan-title`,children:N(`todayPlan`)}),o(`p`,{class:`plan-now`,"data-testid":`plan-now`,children:r?o(n,{children:[o(`span`,{children:N(`planLine`,{time:r.time,name:r.name})}),` `,o(at,{confirmed:r.confirmed})]}):o(`span`,{class:`muted`,children:N(`planNone`)})}),o(`label`,{class:`field`,children:[o(`span`,{children:N(`planTime`)}),o(`input`,{type:`time`,name:`time`,value:a,step:300,required:!0,onInput:e=>l(e.currentTarget.value)})]}),o(`fieldset`,{class:`choices`,children:[o(`legend`,{children:N(`planWho`)}),o(`div`,{class:`chips`,children:[t.map(e=>o(`label`,{class:u===e.id?`chip on`:`chip`,children:[o(`input`,{type:`radio`,name:`who`,value:e.id,checked:u===e.id,onChange:()=>d(e.id)}),o(`span`,{children:[e.name,`（`,e.relation,`）`,!e.confirmed&&o(`small`,{class:`muted`,children:[` `,N(`unconfirmed`)]})]})]},e.id)),o(`label`,{class:u===Z?`chip on`:`chip`,children:[o(`input`,{type:`radio`,name:`who`,value:Z,checked:u===Z,onChange:()=>d(Z)}),o(`span`,{children:N(`oneOff`)})]})]})]}),u===Z&&o(`div`,{class:`one-off`,children:[o(`p`,{class:`muted small`,children:N(`oneOffHint`)}),o($,{value:f,onChange:p,prefix:`oneOff`})]}),g&&o(`p`,{class:`error`,role:`alert`,children:g}),v&&o(`p`,{class:`ok`,role:`status`,children:N(`planSaved`)}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:m,children:N(`savePlan`)}),r&&o(`button`,{class:`btn wide`,type:`button`,disabled:m,onClick:async()=>{h(!0),_(null);try{await c(xe,{childId:e.id,date:x()}),i(null),y(!1)}catch(e){_(Q(e))}finally{h(!1)}},children:N(`clearPlan`)})]})}function $({value:e,onChange:t,prefix:r}){return o(n,{children:[o(`label`,{class:`field`,children:[o(`span`,{children:N(`name`)}),o(`input`,{name:`${r}-name`,value:e.name,maxLength:100,required:!0,autoComplete:`off`,onInput:n=>t({...e,name:n.currentTarget.value})})]}),o(`label`,{class:`field`,children:[o(`span`,{children:N(`relation`)}),o(`input`,{name:`${r}-relation`,value:e.relation,maxLength:30,required:!0,placeholder:N(`relationHint`),onInput:n=>t({...e,relation:n.currentTarget.value})})]}),o(`label`,{class:`field`,children:[o(`span`,{children:N(`phone`)}),o(`input`,{name:`${r}-phone`,type:`tel`,inputMode:`tel`,autoComplete:`off`,value:e.phone,required:!0,placeholder:N(`phoneHint`),onInput:n=>t({...e,phone:n.currentTarget.value})})]})]})}function ct({familyId:e,people:t,onChange:n}){let[r,i]=s({name:``,relation:``,phone:``}),[a,l]=s(!1),[u,d]=s(null),f=async a=>{a.preventDefault(),l(!0),d(null);try{let a=(await c(ve,{familyId:e,input:r})).addPickupPerson;n([...t,a]),i({name:``,relation:``,phone:``})}catch(e){d(Q(e))}finally{l(!1)}},p=async e=>{if(confirm(N(`removeConfirm`,{name:e.name})))try{await c(ye,{id:e.id}),n(t.filter(t=>t.id!==e.id))}catch(e){d(Q(e))}};return o(`section`,{class:`card`,"aria-labelledby":`list-title`,"data-testid":`pickup-list`,children:[o(`h2`,{id:`list-title`,children:N(`listTitle`)}),o(`p`,{class:`muted small`,children:N(`listLead`)}),t.length===0&&o(`p`,{children:N(`listEmpty`)}),o(`ul`,{class:`people`,children:t.map(e=>o(`li`,{class:`person`,"data-testid":`pickup-person`,children:[o(`span`,{class:`person-text`,children:[o(`strong`,{children:e.name}),`（`,e.relation,`）`,o(`br`,{}),o(`span`,{class:`muted`,children:e.phone}),` `,o(at,{confirmed:e.confirmed})]}),o(`button`,{class:`btn small`,type:`button`,onClick:()=>void p(e),"aria-label":`${N(`remove`)}: ${e.name}`,children:N(`remove`)})]},e.id))}),o(`form`,{class:`form`,onSubmit:f,children:[o($,{value:r,onChange:i,prefix:`new`}),u&&o(`p`,{class:`error`,role:`alert`,children:u}),o(`button`,{class:`btn wide`,type:`submit`,disabled:a,children:[o(T,{name:`person`}),` `,N(`addPerson`)]})]})]})}var lt=[`ABSENCE`,`LATE`,`EARLY_PICKUP`],ut=[`ILLNESS`,`FAMILY`,`MEDICAL_APPOINTMENT`,`OTHER`],dt=[`FEVER`,`COUGH`,`RUNNY_NOSE`,`DIARRHEA`,`VOMITING`,`RASH`,`CONJUNCTIVITIS`,`OTHER`];function ft({child:e,editing:a}){let[d,f]=s(a?.kind??`ABSENCE`),[p,m]=s(a?.reason??`ILLNESS`),[h,g]=s(a?.symptoms??[]),[_,v]=s(a?.date??x()),[b,S]=s(a?.expectedArrival?y(a.expectedArrival):`09:30`),[C,w]=s(a?.note??``),[T,D]=s(null),[O,A]=s(!1),[te,j]=s(!1),M=`/children/${encodeURIComponent(e.id)}`,N=e=>D(e instanceof l&&e.transient?r(`errorOffline`):e instanceof l?e.message:r(`errorGeneric`)),ne=t(()=>P(),[]),re=e=>g(t=>t.includes(e)?t.filter(t=>t!==e):[...t,e]),F=async t=>{t.preventDefault(),A(!0),D(null);try{if(a){let t=await c(fe,{id:a.id,input:{reason:p,symptoms:p===`ILLNESS`?h:[],expectedArrival:d===`ABSENCE`?null:ee(_,b),note:C.trim()||null}});G(e.id,t.updateAbsence),u(M);return}let t=await c(de,{input:{childId:e.id,kind:d,date:_,reason:p,symptoms:p===`ILLNESS`?h:[],expectedArrival:d===`ABSENCE`?null:ee(_,b),note:C.trim()||null,idempotencyKey:ne}});_===x()&&G(e.id,t.reportAbsence),u(M)}catch(e){N(e)}finally{A(!1)}},ie=async()=>{if(a){A(!0),D(null);try{let t=await c(pe,{id:a.id});G(e.id,t.withdrawAbsence),u(M)}catch(e){N(e),j(!1)}finally{A(!1)}}};return o(k,{title:r(a?`changeReportTitle`:`reportAbsence`),back:M,children:[o(`form`,{class:`card form`,onSubmit:F,children:[o(`p`,{class:`form-child`,children:e.name}),a?o(`p`,{class:`form-fixed`,"data-testid":`report-fixed`,children:[o(`strong`,{children:r(`kind${d}`)}),` `,E(_,i.value)]}):o(n,{children:[o(X,{legend:r(`kind`),name:`kind`,options:lt,label:e=>`kind${e}`,value:d,onChange:f}),o(`label`,{class:`field`,children:[o(`span`,{children:r(`date`)}),o(`input`,{type:`date`,name:`date`,value:_,min:x(),onInput:e=>v(e.currentTarget.value),required:!0})]})]}),d!==`ABSENCE`&&o(`label`,{class:`field`,children:[o(`span`,{children:r(d===`LATE`?`expectedArrival`:`pickupTime`)}),o(`input`,{type:`time`,name:`time`,value:b,onInput:e=>S(e.currentTarget.value),required:!0})]}),o(X,{legend:r(`reason`),name:`reason`,options:ut,label:e=>`reason${e}`,value:p,onChange:m}),p===`ILLNESS`&&o(X,{legend:r(`symptoms`),name:`symptoms`,options:dt,label:e=>`symptom${e}`,value:h,onChange:re,multiple:!0}),o(`label`,{class:`field`,children:[o(`span`,{children:r(`note`)}),o(`textarea`,{name:`note`,rows:3,maxLength:1e3,placeholder:r(`notePlaceholder`),value:C,onInput:e=>w(e.currentTarget.value)})]}),T&&o(`p`,{class:`error`,role:`alert`,children:T}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:O,children:r(a?`sendChanges`:`send`)})]}),a&&o(`section`,{class:`card form`,"aria-label":r(`withdrawReport`),children:te?o(n,{children:[o(`p`,{role:`alert`,children:r(`withdrawConfirm`)}),o(`button`,{class:`btn danger wide`,type:`button`,disabled:O,onClick:()=>void ie(),children:r(`withdrawYes`)}),o(`button`,{class:`btn wide`,type:`button`,onClick:()=>j(!1),children:r(`withdrawNo`)})]}):o(`button`,{class:`btn wide`,type:`button`,onClick:()=>j(!0),children:r(`withdrawReport`)})})]})}function pt(){e(()=>Ne(),[]);let t=p.value;if(t===`/settings`)return o(g,{});if(t===`/account`)return o(h,{path:t});let n=f(t);if(!n)return o(Re,{});let i=L.value?.find(e=>e.id===n.childId);if(!i)return o(k,{title:r(`appName`),back:`/`,children:o(`p`,{children:r(`loading`)})});switch(n.section){case`report`:case`absences-new`:{let e=n.item?i.absences.find(e=>e.id===n.item&&!e.acknowledgedAt):void 0;return o(ft,{child:i,editing:e},e?.id??`new`)}case`morning`:return o($e,{child:i});case`notebook`:return o(rt,{child:i});case`month`:return o(Xe,{child:i});case`growth`:return o(qe,{child:i});case`pickup`:return o(ot,{child:i});default:return o(Ge,{child:i})}}export{pt as GuardianApp};