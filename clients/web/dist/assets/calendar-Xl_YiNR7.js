import{c as e,l as t,n,s as r,t as i}from"./jsxRuntime-CwlHkL6Z.js";import{C as a,S as o,h as s}from"./index-Bc8s_29E.js";import{b as c,l,x as u}from"./store-BeWlvvk6.js";import{a as d,c as f,h as p,m,n as h,o as g,p as _,t as v}from"./shell-DQfVQozL.js";var y=new s(`
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
}`),b=new s(`
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
}`),x=new s(`
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
}`);function S(e,t){let n=[...Array(t).fill(null),...e];for(;n.length%7;)n.push(null);let r=[];for(let e=0;e<n.length;e+=7)r.push(n.slice(e,e+7));return r}function C(e){return e===`SPECIAL_OPEN`?`special`:e===`CLOSED_HOLIDAY`?`holiday`:e===`OPEN`?null:`closed`}function w(e){return e!==`OPEN`&&e!==`CLOSED_WEEKDAY`}function T(e){switch(e){case`OPEN`:return{open:!1,label:`closeDay`,remove:!1};case`CLOSURE`:return{open:!1,label:`saveNote`,remove:!0};case`SPECIAL_OPEN`:return{open:!0,label:`saveNote`,remove:!0};default:return{open:!0,label:`openDay`,remove:!1}}}function E(e){return e.length===8&&e.endsWith(`:00`)?e.slice(0,5):e}function D(e){return{openWeekdays:[...e.openWeekdays].sort((e,t)=>e-t),opensAt:E(e.opensAt),closesAt:E(e.closesAt),arrivalCheckAt:E(e.arrivalCheckAt),lateGraceMinutes:String(e.lateGraceMinutes)}}function O(e){let t=e.lateGraceMinutes.trim();return{openWeekdays:[...e.openWeekdays].sort((e,t)=>e-t),opensAt:e.opensAt.trim(),closesAt:e.closesAt.trim(),arrivalCheckAt:e.arrivalCheckAt.trim(),lateGraceMinutes:/^\d{1,4}$/.test(t)?Number(t):-1}}var k=[`openWeekdays`,`opensAt`,`closesAt`,`arrivalCheckAt`,`lateGraceMinutes`];function A(e){if(!e)return null;let t=e.split(`.`).pop();return k.includes(t)?t:null}var j={closed:`markClosed`,holiday:`markHoliday`,special:`markSpecial`},M=[7,1,2,3,4,5,6];function N(e){let t=[u(`status${e.status}`)];return e.holiday&&t.push(u(`holidayName`,{name:e.holiday})),e.note&&t.push(e.note),t.join(` — `)}function P({banner:e,nurseryId:o}){let[s,h]=t(m(p())),[b,x]=t(null),[T,E]=t(null),[D,O]=t(!1),[k,A]=t(null),[P,I]=t(``),{dates:L,firstWeekday:z}=_(s),B=()=>a(y,{nurseryId:o,from:L[0],to:L[L.length-1]}).then(e=>{O(!1),x(e.nurseryCalendar.days),E(e.nurseryCalendar.hours)}).catch(()=>O(!0));r(()=>{x(null),B()},[o,s]);let V=n.value,H=new Map((b??[]).map(e=>[e.date,e])),U=(b??[]).filter(e=>w(e.status)),W=p();return i(v,{title:u(`calendarTitle`),banner:e,pending:l.value.length,wide:!0,children:[i(c,{}),i(`p`,{class:`muted`,children:u(`calendarLead`)}),i(`p`,{class:`ok status-line`,role:`status`,"data-testid":`calendar-notice`,children:P}),i(`div`,{class:`cal-layout`,children:[i(`section`,{"aria-labelledby":`cal-month`,children:[i(`div`,{class:`month-nav`,children:[i(`button`,{class:`btn small`,onClick:()=>h(d(s,-1)),"aria-label":u(`prevMonth`),children:`‹`}),i(`h2`,{id:`cal-month`,"aria-live":`polite`,children:f(s,V)}),i(`button`,{class:`btn small`,onClick:()=>h(d(s,1)),"aria-label":u(`nextMonth`),children:`›`})]}),D&&i(`p`,{class:`error`,children:u(`calendarFailed`)}),i(`table`,{class:`calendar head-calendar`,"data-testid":`calendar`,"aria-busy":b===null?`true`:`false`,children:[i(`caption`,{class:`visually-hidden`,children:u(`monthDays`,{month:f(s,V)})}),i(`thead`,{children:i(`tr`,{children:M.map(e=>i(`th`,{scope:`col`,children:u(`weekday${e}`)},e))})}),i(`tbody`,{children:S(L,z).map((e,t)=>i(`tr`,{children:e.map((e,t)=>{let n=e?H.get(e):void 0,r=n?C(n.status):null;return i(`td`,{class:n?`cal-cell${n.open?``:` closed`}`:``,children:e&&i(`button`,{class:`cal-day${r?` mark-${r}`:``}`,disabled:!n,"aria-current":e===W?`date`:void 0,onClick:()=>n&&A(n),"data-testid":`cal-day`,"data-date":e,"data-status":n?.status??``,children:[i(`span`,{class:`day-number`,children:Number(e.slice(8))}),r&&i(`span`,{class:`cal-mark`,"aria-hidden":`true`,children:u(j[r])}),n&&i(`span`,{class:`visually-hidden`,children:`${g(e,V)} ${N(n)}`})]})},t)})},t))})]}),i(`p`,{class:`muted small-print`,children:u(`legend`)}),i(`h3`,{children:u(`exceptionsTitle`)}),b&&U.length===0&&i(`p`,{class:`muted`,children:u(`noExceptions`)}),i(`ul`,{class:`plain-list cal-list`,"data-testid":`calendar-exceptions`,children:U.map(e=>i(`li`,{"data-date":e.date,"data-status":e.status,children:[i(`strong`,{children:g(e.date,V)}),` `,N(e)]},e.date))})]}),T&&i(R,{nurseryId:o,hours:T,onSaved:e=>{E(e),B()}})]}),k&&i(F,{nurseryId:o,day:k,onClose:()=>A(null),onSaved:e=>{A(null),I(u(`daySaved`,{date:g(e.date,V),status:u(`status${e.status}`)})),B()}})]})}function F({nurseryId:s,day:c,onClose:l,onSaved:d}){let f=e(null),[p,m]=t(c.note??``),[h,_]=t(null),[v,y]=t(!1);r(()=>{f.current?.showModal()},[]);let b=T(c.status),S=async e=>{y(!0),_(null);try{let t=p.trim();d((await a(x,{nurseryId:s,date:c.date,open:e,note:e===null||!t?null:t})).setCalendarDay)}catch(e){let t=e instanceof o?e.field:void 0;_(t===`note`?{field:`note`,text:u(`errNote`)}:t===`date`?{field:`other`,text:u(`dayOutOfRange`)}:{field:`other`,text:u(`hoursFailed`)})}finally{y(!1)}},C=n.value;return i(`dialog`,{ref:f,class:`dialog`,onClose:l,"aria-labelledby":`day-title`,"data-testid":`day-dialog`,children:i(`form`,{onSubmit:e=>{e.preventDefault(),S(b.open)},children:[i(`h2`,{id:`day-title`,children:g(c.date,C)}),i(`p`,{children:i(`strong`,{children:u(`status${c.status}`)})}),c.holiday&&i(`p`,{class:`muted`,children:u(`holidayName`,{name:c.holiday})}),i(`div`,{class:`field`,children:[i(`label`,{for:`day-note`,children:u(`dayNote`)}),i(`input`,{id:`day-note`,name:`note`,value:p,maxLength:500,"aria-invalid":h?.field===`note`?`true`:void 0,"aria-describedby":h?`day-error`:void 0,onInput:e=>m(e.currentTarget.value)})]}),h&&i(`p`,{id:`day-error`,class:`error`,role:`alert`,children:h.text}),i(`div`,{class:`dialog-actions wrap`,children:[i(`button`,{type:`button`,class:`btn big`,onClick:l,children:u(`cancel`)}),b.remove&&i(`button`,{type:`button`,class:`btn big`,disabled:v,onClick:()=>void S(null),children:u(`removeException`)}),i(`button`,{type:`submit`,class:b.open?`btn big primary`:`btn big danger`,disabled:v,children:u(b.label)})]})]})})}var I=[[`opensAt`,null],[`closesAt`,null],[`arrivalCheckAt`,`arrivalCheckHint`]],L={openWeekdays:`errOpenWeekdays`,opensAt:`errOpensAt`,closesAt:`errClosesAt`,arrivalCheckAt:`errArrivalCheckAt`,lateGraceMinutes:`errLateGraceMinutes`};function R({nurseryId:e,hours:n,onSaved:r}){let[s,c]=t(()=>D(n)),[l,d]=t(null),[f,p]=t(!1),[m,g]=t(!1),_=e=>{c({...s,...e}),p(!1)},v=e=>_({openWeekdays:s.openWeekdays.includes(e)?s.openWeekdays.filter(t=>t!==e):[...s.openWeekdays,e]}),y=async t=>{t.preventDefault(),g(!0),d(null);try{let t=await a(b,{nurseryId:e,input:O(s)});p(!0),r(t.setNurseryHours)}catch(e){let t=e instanceof o&&e.code===`BAD_USER_INPUT`?A(e.field):null,n=(t===`opensAt`||t===`closesAt`||t===`arrivalCheckAt`)&&!s[t].trim();d({field:t,text:u(t?n?`errTimeNeeded`:L[t]:`hoursFailed`)})}finally{g(!1)}},x=e=>l?.field===e?i(`p`,{id:`err-${e}`,class:`error`,role:`alert`,"data-testid":`error-${e}`,children:l.text}):null,S=e=>l?.field===e?{"aria-invalid":`true`,"aria-describedby":`err-${e}`}:{};return i(`section`,{class:`card hours`,"aria-labelledby":`hours-title`,"data-testid":`hours`,children:[i(`h2`,{id:`hours-title`,children:u(`hoursTitle`)}),i(`form`,{onSubmit:y,noValidate:!0,children:[i(`fieldset`,{class:`choices`,children:[i(`legend`,{children:u(`openWeekdays`)}),i(`div`,{class:`chips weekdays`,children:[1,2,3,4,5,6,7].map(e=>i(`button`,{type:`button`,class:s.openWeekdays.includes(e)?`chip on`:`chip`,"aria-pressed":s.openWeekdays.includes(e),onClick:()=>v(e),children:u(`weekday${e}`)},e))}),x(`openWeekdays`)]}),i(`div`,{class:`hours-times`,children:[I.map(([e,t])=>i(`div`,{class:`field`,children:[i(`label`,{for:`hours-${e}`,children:u(e)}),i(`input`,{id:`hours-${e}`,name:e,type:`time`,step:s[e].length>5?1:60,value:s[e],onInput:t=>_({[e]:t.currentTarget.value}),...S(e)}),t&&i(`span`,{class:`hint muted`,children:u(t)}),x(e)]},e)),i(`div`,{class:`field`,children:[i(`label`,{for:`hours-lateGraceMinutes`,children:u(`lateGraceMinutes`)}),i(`input`,{id:`hours-lateGraceMinutes`,name:`lateGraceMinutes`,inputMode:`numeric`,value:s.lateGraceMinutes,onInput:e=>_({lateGraceMinutes:e.currentTarget.value}),...S(`lateGraceMinutes`)}),i(`span`,{class:`hint muted`,children:u(`lateGraceHint`)}),x(`lateGraceMinutes`)]})]}),l&&!l.field&&i(`p`,{class:`error`,role:`alert`,children:l.text}),i(`button`,{type:`submit`,class:`btn big primary wide`,disabled:m,children:[i(h,{name:`check`}),` `,u(`saveHours`)]}),i(`p`,{class:`ok status-line`,role:`status`,"data-testid":`hours-status`,children:f?u(`hoursSaved`):``})]})]})}export{P as CalendarScreen};