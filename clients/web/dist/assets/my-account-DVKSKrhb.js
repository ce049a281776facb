import{c as e,i as t,n,t as r,u as i}from"./jsxRuntime-K-K-D2y6.js";import{C as a,S as o,h as s}from"./index-D4TBl890.js";import{t as c}from"./strings-account-P-B6hy0-.js";import{s as l,t as u}from"./shell-BLv-c9W6.js";var d=new s(`
    mutation ChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}
    `),f=new s(`
    query MySessions {
  mySessions {
    id
    device
    createdAt
    lastUsedAt
    current
  }
}
    `),p=new s(`
    mutation EndSession($id: ID!) {
  endSession(id: $id)
}
    `),m=new s(`
    mutation EndOtherSessions {
  endOtherSessions
}
    `),h=e=>l(e,n.value);function g(){return r(u,{title:c(`myAccount`),back:`/settings`,children:[r(_,{}),r(v,{})]})}function _(){let[e,n]=i(``),[s,l]=i(``),[u,f]=i(``),[p,m]=i(null),[h,g]=i(!1);return r(`section`,{class:`card`,"aria-labelledby":`change-password`,children:[r(`h2`,{id:`change-password`,children:c(`changePassword`)}),r(`form`,{onSubmit:async r=>{if(r.preventDefault(),m(null),s!==u)m({ok:!1,text:c(`passwordsDiffer`)});else{g(!0);try{await a(d,{current:e,next:s}),n(``),l(``),f(``),m({ok:!0,text:c(`passwordChanged`)})}catch(e){let n=e instanceof o&&e.field===`currentPassword`?c(`currentWrong`):e instanceof o&&e.field===`newPassword`?c(`passwordWeak`,{reason:e.message}):e instanceof o&&e.code===`RATE_LIMITED`?c(`tooManyTries`):t(`errorGeneric`);m({ok:!1,text:n})}finally{g(!1)}}},novalidate:!0,"data-testid":`change-password`,children:[r(`label`,{class:`field`,children:[r(`span`,{children:c(`currentPassword`)}),r(`input`,{type:`password`,name:`current-password`,autocomplete:`current-password`,required:!0,value:e,onInput:e=>n(e.currentTarget.value)})]}),r(`label`,{class:`field`,children:[r(`span`,{children:c(`newPassword`)}),r(`input`,{type:`password`,name:`new-password`,autocomplete:`new-password`,required:!0,value:s,"aria-describedby":`rule`,onInput:e=>l(e.currentTarget.value)}),r(`small`,{id:`rule`,class:`muted`,children:c(`passwordRule`)})]}),r(`label`,{class:`field`,children:[r(`span`,{children:c(`newPasswordAgain`)}),r(`input`,{type:`password`,name:`new-password-again`,autocomplete:`new-password`,required:!0,value:u,onInput:e=>f(e.currentTarget.value)})]}),p&&r(`p`,{class:p.ok?`ok`:`error`,role:p.ok?`status`:`alert`,children:p.text}),r(`button`,{class:`btn primary wide`,type:`submit`,disabled:h,children:c(`changeButton`)})]})]})}function v(){let[n,o]=i(null),[s,l]=i(null),u=()=>a(f).then(e=>o(e.mySessions));e(()=>{u()},[]);let d=async e=>{await a(p,{id:e}),await u()},g=async()=>{let e=await a(m);l(c(`endedOthers`,{n:e.endOtherSessions})),await u()};return r(`section`,{class:`card`,"aria-labelledby":`sessions-title`,children:[r(`h2`,{id:`sessions-title`,children:c(`sessionsTitle`)}),!n&&r(`p`,{children:t(`loading`)}),r(`ul`,{class:`session-list`,"data-testid":`sessions`,children:n?.map(e=>r(`li`,{class:`session`,"data-current":e.current,children:[r(`div`,{children:[r(`strong`,{children:e.current?c(`thisDevice`):e.device||c(`unknownDevice`)}),e.current&&e.device&&r(`span`,{class:`muted`,children:[` (`,e.device,`)`]}),r(`br`,{}),r(`span`,{class:`muted`,children:[c(`signedInAt`,{at:h(e.createdAt)}),e.lastUsedAt&&e.lastUsedAt!==e.createdAt&&`・${c(`lastUsedAt`,{at:h(e.lastUsedAt)})}`]})]}),!e.current&&r(`button`,{class:`btn small`,onClick:()=>void d(e.id),children:c(`endSession`)})]},e.id))}),n&&n.length>1&&r(`button`,{class:`btn wide`,onClick:()=>void g(),"data-testid":`end-others`,children:c(`endOthers`)}),s&&r(`p`,{class:`ok`,role:`status`,children:s})]})}export{g as MyAccount};