import{c as e,l as t,n,t as r,u as i}from"./jsxRuntime-K-K-D2y6.js";import{C as a,S as o,h as s}from"./index-D4TBl890.js";import{b as c,l,x as u}from"./store-EY4i5kUI.js";import{a as d,c as f,h as p,m,n as h,o as g,p as _,t as v}from"./shell-BLv-c9W6.js";var y=new s(`
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
}`);function S(e,t){let n=[...Array(t).fill(null),...e];for(;n.length%7;)n.push(null);let r=[];for(let e=0;e<n.length;e+=7)r.push(n.slice(e,e+7));return r}function C(e){return e===`SPECIAL_OPEN`?`special`:e===`CLOSED_HOLIDAY`?`holiday`:e===`OPEN`?null:`closed`}function w(e){return e!==`OPEN`&&e!==`CLOSED_WEEKDAY`}function T(e){switch(e){case`OPEN`:return{open:!1,label:`closeDay`,remove:!1};case`CLOSURE`:return{open:!1,label:`saveNote`,remove:!0};case`SPECIAL_OPEN`:return{open:!0,label:`saveNote`,remove:!0};default:return{open:!0,label:`openDay`,remove:!1}}}function E(e){return e.length===8&&e.endsWith(`:00`)?e.slice(0,5):e}function D(e){return{openWeekdays:[...e.openWeekdays].sort((e,t)=>e-t),opensAt:E(e.opensAt),closesAt:E(e.closesAt),arrivalCheckAt:E(e.arrivalCheckAt),lateGraceMinutes:String(e.lateGraceMinutes)}}function O(e){let t=e.lateGraceMinutes.trim();return{openWeekdays:[...e.openWeekdays].sort((e,t)=>e-t),opensAt:e.opensAt.trim(),closesAt:e.closesAt.trim(),arrivalCheckAt:e.arrivalCheckAt.trim(),lateGraceMinutes:/^\d{1,4}$/.test(t)?Number(t):-1}}var k=[`openWeekdays`,`opensAt`,`closesAt`,`arrivalCheckAt`,`lateGraceMinutes`];function A(e){if(!e)return null;let t=e.split(`.`).pop();return k.includes(t)?t:null}var j={closed:`markClosed`,holiday:`markHoliday`,special:`markSpecial`},M=[7,1,2,3,4,5,6];function N(e){let t=[u(`status${e.status}`)];return e.holiday&&t.push(u(`holidayName`,{name:e.holiday})),e.note&&t.push(e.note),t.join(` — `)}function P({banner:t,nurseryId:o}){let[s,h]=i(m(p())),[b,x]=i(null),[T,E]=i(null),[D,O]=i(!1),[k,A]=i(null),[P,I]=i(``),{dates:L,firstWeekday:z}=_(s),B=()=>a(y,{nurseryId:o,from:L[0],to:L[L.length-1]}).then(e=>{O(!1),x(e.nurseryCalendar.days),E(e.nurseryCalendar.hours)}).catch(()=>O(!0));e(()=>{x(null),B()},[o,s]);let V=n.value,H=new Map((b??[]).map(e=>[e.date,e])),U=(b??[]).filter(e=>w(e.status)),W=p();return r(v,{title:u(`calendarTitle`),banner:t,pending:l.value.length,wide:!0,children:[r(c,{}),r(`p`,{class:`muted`,children:u(`calendarLead`)}),r(`p`,{class:`ok status-line`,role:`status`,"data-testid":`calendar-notice`,children:P}),r(`div`,{class:`cal-layout`,children:[r(`section`,{"aria-labelledby":`cal-month`,children:[r(`div`,{class:`month-nav`,children:[r(`button`,{class:`btn small`,onClick:()=>h(d(s,-1)),"aria-label":u(`prevMonth`),children:`‹`}),r(`h2`,{id:`cal-month`,"aria-live":`polite`,children:f(s,V)}),r(`button`,{class:`btn small`,onClick:()=>h(d(s,1)),"aria-label":u(`nextMonth`),children:`›`})]}),D&&r(`p`,{class:`error`,children:u(`calendarFailed`)}),r(`table`,{class:`calendar head-calendar`,"data-testid":`calendar`,"aria-busy":b===null?`true`:`false`,children:[r(`caption`,{class:`visually-hidden`,children:u(`monthDays`,{month:f(s,V)})}),r(`thead`,{children:r(`tr`,{children:M.map(e=>r(`th`,{scope:`col`,children:u(`weekday${e}`)},e))})}),r(`tbody`,{children:S(L,z).map((e,t)=>r(`tr`,{children:e.map((e,t)=>{let n=e?H.get(e):void 0,i=n?C(n.status):null;return r(`td`,{class:n?`cal-cell${n.open?``:` closed`}`:``,children:e&&r(`button`,{class:`cal-day${i?` mark-${i}`:``}`,disabled:!n,"aria-current":e===W?`date`:void 0,onClick:()=>n&&A(n),"data-testid":`cal-day`,"data-date":e,"data-status":n?.status??``,children:[r(`span`,{class:`day-number`,children:Number(e.slice(8))}),i&&r(`span`,{class:`cal-mark`,"aria-hidden":`true`,children:u(j[i])}),n&&r(`span`,{class:`visually-hidden`,children:`${g(e,V)} ${N(n)}`})]})},t)})},t))})]}),r(`p`,{class:`muted small-print`,children:u(`legend`)}),r(`h3`,{children:u(`exceptionsTitle`)}),b&&U.length===0&&r(`p`,{class:`muted`,children:u(`noExceptions`)}),r(`ul`,{class:`plain-list cal-list`,"data-testid":`calendar-exceptions`,children:U.map(e=>r(`li`,{"data-date":e.date,"data-status":e.status,children:[r(`strong`,{children:g(e.date,V)}),` `,N(e)]},e.date))})]}),T&&r(R,{nurseryId:o,hours:T,onSaved:e=>{E(e),B()}})]}),k&&r(F,{nurseryId:o,day:k,onClose:()=>A(null),onSaved:e=>{A(null),I(u(`daySaved`,{date:g(e.date,V),status:u(`status${e.status}`)})),B()}})]})}function F({nurseryId:s,day:c,onClose:l,onSaved:d}){let f=t(null),[p,m]=i(c.note??``),[h,_]=i(null),[v,y]=i(!1);e(()=>{f.current?.showModal()},[]);let b=T(c.status),S=async e=>{y(!0),_(null);try{let t=p.trim();d((await a(x,{nurseryId:s,date:c.date,open:e,note:e===null||!t?null:t})).setCalendarDay)}catch(e){let t=e instanceof o?e.field:void 0;_(t===`note`?{field:`note`,text:u(`errNote`)}:t===`date`?{field:`other`,text:u(`dayOutOfRange`)}:{field:`other`,text:u(`hoursFailed`)})}finally{y(!1)}},C=n.value;return r(`dialog`,{ref:f,class:`dialog`,onClose:l,"aria-labelledby":`day-title`,"data-testid":`day-dialog`,children:r(`form`,{onSubmit:e=>{e.preventDefault(),S(b.open)},children:[r(`h2`,{id:`day-title`,children:g(c.date,C)}),r(`p`,{children:r(`strong`,{children:u(`status${c.status}`)})}),c.holiday&&r(`p`,{class:`muted`,children:u(`holidayName`,{name:c.holiday})}),r(`div`,{class:`field`,children:[r(`label`,{for:`day-note`,children:u(`dayNote`)}),r(`input`,{id:`day-note`,name:`note`,value:p,maxLength:500,"aria-invalid":h?.field===`note`?`true`:void 0,"aria-describedby":h?`day-error`:void 0,onInput:e=>m(e.currentTarget.value)})]}),h&&r(`p`,{id:`day-error`,class:`error`,role:`alert`,children:h.text}),r(`div`,{class:`dialog-actions wrap`,children:[r(`button`,{type:`button`,class:`btn big`,onClick:l,children:u(`cancel`)}),b.remove&&r(`button`,{type:`button`,class:`btn big`,disabled:v,onClick:()=>void S(null),children:u(`removeException`)}),r(`button`,{type:`submit`,class:b.open?`btn big primary`:`btn big danger`,disabled:v,children:u(b.label)})]})]})})}var I=[[`opensAt`,null],[`closesAt`,null],[`arrivalCheckAt`,`arrivalCheckHint`]],L={openWeekdays:`errOpenWeekdays`,opensAt:`errOpensAt`,closesAt:`errClosesAt`,arrivalCheckAt:`errArrivalCheckAt`,lateGraceMinutes:`errLateGraceMinutes`};function R({nurseryId:e,hours:t,onSaved:n}){let[s,c]=i(()=>D(t)),[l,d]=i(null),[f,p]=i(!1),[m,g]=i(!1),_=e=>{c({...s,...e}),p(!1)},v=e=>_({openWeekdays:s.openWeekdays.includes(e)?s.openWeekdays.filter(t=>t!==e):[...s.openWeekdays,e]}),y=async t=>{t.preventDefault(),g(!0),d(null);try{let t=await a(b,{nurseryId:e,input:O(s)});p(!0),n(t.setNurseryHours)}catch(e){let t=e instanceof o&&e.code===`BAD_USER_INPUT`?A(e.field):null,n=(t===`opensAt`||t===`closesAt`||t===`arrivalCheckAt`)&&!s[t].trim();d({field:t,text:u(t?n?`errTimeNeeded`:L[t]:`hoursFailed`)})}finally{g(!1)}},x=e=>l?.field===e?r(`p`,{id:`err-${e}`,class:`error`,role:`alert`,"data-testid":`error-${e}`,children:l.text}):null,S=e=>l?.field===e?{"aria-invalid":`true`,"aria-describedby":`err-${e}`}:{};return r(`section`,{class:`card hours`,"aria-labelledby":`hours-title`,"data-testid":`hours`,children:[r(`h2`,{id:`hours-title`,children:u(`hoursTitle`)}),r(`form`,{onSubmit:y,noValidate:!0,children:[r(`fieldset`,{class:`choices`,children:[r(`legend`,{children:u(`openWeekdays`)}),r(`div`,{class:`chips weekdays`,children:[1,2,3,4,5,6,7].map(e=>r(`button`,{type:`button`,class:s.openWeekdays.includes(e)?`chip on`:`chip`,"aria-pressed":s.openWeekdays.includes(e),onClick:()=>v(e),children:u(`weekday${e}`)},e))}),x(`openWeekdays`)]}),r(`div`,{class:`hours-times`,children:[I.map(([e,t])=>r(`div`,{class:`field`,children:[r(`label`,{for:`hours-${e}`,children:u(e)}),r(`input`,{id:`hours-${e}`,name:e,type:`time`,step:s[e].length>5?1:60,value:s[e],onInput:t=>_({[e]:t.currentTarget.value}),...S(e)}),t&&r(`span`,{class:`hint muted`,children:u(t)}),x(e)]},e)),r(`div`,{class:`field`,children:[r(`label`,{for:`hours-lateGraceMinutes`,children:u(`lateGraceMinutes`)}),r(`input`,{id:`hours-lateGraceMinutes`,name:`lateGraceMinutes`,inputMode:`numeric`,value:s.lateGraceMinutes,onInput:e=>_({lateGraceMinutes:e.currentTarget.value}),...S(`lateGraceMinutes`)}),r(`span`,{class:`hint muted`,children:u(`lateGraceHint`)}),x(`lateGraceMinutes`)]})]}),l&&!l.field&&r(`p`,{class:`error`,role:`alert`,children:l.text}),r(`button`,{type:`submit`,class:`btn big primary wide`,disabled:m,children:[r(h,{name:`check`}),` `,u(`saveHours`)]}),r(`p`,{class:`ok status-line`,role:`status`,"data-testid":`hours-status`,children:f?u(`hoursSaved`):``})]})]})}export{P as CalendarScreen};