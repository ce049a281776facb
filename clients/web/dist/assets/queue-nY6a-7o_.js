import{_ as e,g as t,h as n,v as r,w as i}from"./index-BVrHyDWs.js";var a=new n(`
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
}`),o=new n(`
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
    `),s=new n(`
    query LiveCursor {
  liveCursor
}
    `);function c(e,t){return Date.parse(e.occurredAt)-Date.parse(t.occurredAt)}function l(e,t,n=[]){let r=[...e].sort(c),i=r[r.length-1],a=n[n.length-1],o=u(t,i?.kind===`CHECK_IN`||a?.op===`CHECK_IN`);return a?{status:a.op===`CHECK_IN`?`PRESENT`:`LEFT`,at:a.occurredAt,pickupBy:a.pickupBy??void 0,report:o,pending:!0}:i?{status:i.kind===`CHECK_IN`?`PRESENT`:`LEFT`,at:i.occurredAt,by:i.recordedBy?.displayName,pickupBy:i.pickupBy??void 0,report:o,pending:!1}:o?.kind===`ABSENCE`?{status:`ABSENT`,report:o,pending:!1}:o?.kind===`LATE`?{status:`LATE`,at:o.expectedArrival??void 0,report:o,pending:!1}:{status:`NOT_YET`,report:o,pending:!1}}function u(e,t){let n=e.filter(e=>!t||e.kind===`EARLY_PICKUP`);return n[n.length-1]}function d(e,t){return t.corrects?e.filter(e=>e.id!==t.corrects):e.some(e=>e.id===t.id)?e:[...e,t].sort(c)}function f(e){let t=e.filter(e=>!e.corrects).sort(c);return t[t.length-1]}function p(e,t){let n=e.findIndex(e=>e.id===t.id);if(n<0)return[...e,t];let r=[...e];return r[n]=t,r}function m(e,t,n,r){let i=new Set(t.filter(e=>e.kind===`CHECK_IN`).map(e=>r(e.occurredAt))),a={};for(let t of e){let e=n.filter(e=>e.date===t);i.has(t)?a[t]=e.some(e=>e.kind===`LATE`)?`LATE`:`PRESENT`:e.some(e=>e.kind===`ABSENCE`)&&(a[t]=`ABSENT`)}return a}function h(e){return e.op===`CHECK_IN`||e.op===`CHECK_OUT`}var g=`taps`,_=class{constructor(e){i(this,`store`,void 0),i(this,`running`,null),this.store=e??t(`tsunagu-queue`,`queue`)}async list(){return await e(g,this.store)??[]}async enqueue(e){await r(g,(t=[])=>t.some(t=>t.key===e.key)?t:[...t,e],this.store)}async remove(e){await r(g,(t=[])=>t.filter(t=>t.key!==e),this.store)}replay(e,t,n){return this.running||(this.running=(async()=>{try{for(let r of await this.list()){let i=await e(r);if(i.kind===`retry`)return;await this.remove(r.key),i.kind===`refused`?t({tap:r,code:i.code,message:i.message}):n?.(r)}}finally{this.running=null}})()),this.running}};function v(){return typeof crypto<`u`&&`randomUUID`in crypto?`tap-${crypto.randomUUID()}`:`tap-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}export{f as a,m as c,a as d,l as i,s as l,h as n,d as o,v as r,p as s,_ as t,o as u};