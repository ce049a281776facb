import{i as e,l as t,n,s as r,t as i}from"./jsxRuntime-CwlHkL6Z.js";import{C as a,S as o,h as s}from"./index-Bc8s_29E.js";import{t as c}from"./strings-account-yR2b-zyk.js";import{s as l,t as u}from"./shell-DQfVQozL.js";var d=new s(`
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
    `),h=e=>l(e,n.value);function g(){return i(u,{title:c(`myAccount`),back:`/settings`,children:[i(_,{}),i(v,{})]})}function _(){let[n,r]=t(``),[s,l]=t(``),[u,f]=t(``),[p,m]=t(null),[h,g]=t(!1);return i(`section`,{class:`card`,"aria-labelledby":`change-password`,children:[i(`h2`,{id:`change-password`,children:c(`changePassword`)}),i(`form`,{onSubmit:async t=>{if(t.preventDefault(),m(null),s!==u)m({ok:!1,text:c(`passwordsDiffer`)});else{g(!0);try{await a(d,{current:n,next:s}),r(``),l(``),f(``),m({ok:!0,text:c(`passwordChanged`)})}catch(t){let n=t instanceof o&&t.field===`currentPassword`?c(`currentWrong`):t instanceof o&&t.field===`newPassword`?c(`passwordWeak`,{reason:t.message}):t instanceof o&&t.code===`RATE_LIMITED`?c(`tooManyTries`):e(`errorGeneric`);m({ok:!1,text:n})}finally{g(!1)}}},novalidate:!0,"data-testid":`change-password`,children:[i(`label`,{class:`field`,children:[i(`span`,{children:c(`currentPassword`)}),i(`input`,{type:`password`,name:`current-password`,autocomplete:`current-password`,required:!0,value:n,onInput:e=>r(e.currentTarget.value)})]}),i(`label`,{class:`field`,children:[i(`span`,{children:c(`newPassword`)}),i(`input`,{type:`password`,name:`new-password`,autocomplete:`new-password`,required:!0,value:s,"aria-describedby":`rule`,onInput:e=>l(e.currentTarget.value)}),i(`small`,{id:`rule`,class:`muted`,children:c(`passwordRule`)})]}),i(`label`,{class:`field`,children:[i(`span`,{children:c(`newPasswordAgain`)}),i(`input`,{type:`password`,name:`new-password-again`,autocomplete:`new-password`,required:!0,value:u,onInput:e=>f(e.currentTarget.value)})]}),p&&i(`p`,{class:p.ok?`ok`:`error`,role:p.ok?`status`:`alert`,children:p.text}),i(`button`,{class:`btn primary wide`,type:`submit`,disabled:h,children:c(`changeButton`)})]})]})}function v(){let[n,o]=t(null),[s,l]=t(null),u=()=>a(f).then(e=>o(e.mySessions));r(()=>{u()},[]);let d=async e=>{await a(p,{id:e}),await u()},g=async()=>{let e=await a(m);l(c(`endedOthers`,{n:e.endOtherSessions})),await u()};return i(`section`,{class:`card`,"aria-labelledby":`sessions-title`,children:[i(`h2`,{id:`sessions-title`,children:c(`sessionsTitle`)}),!n&&i(`p`,{children:e(`loading`)}),i(`ul`,{class:`session-list`,"data-testid":`sessions`,children:n?.map(e=>i(`li`,{class:`session`,"data-current":e.current,children:[i(`div`,{children:[i(`strong`,{children:e.current?c(`thisDevice`):e.device||c(`unknownDevice`)}),e.current&&e.device&&i(`span`,{class:`muted`,children:[` (`,e.device,`)`]}),i(`br`,{}),i(`span`,{class:`muted`,children:[c(`signedInAt`,{at:h(e.createdAt)}),e.lastUsedAt&&e.lastUsedAt!==e.createdAt&&`・${c(`lastUsedAt`,{at:h(e.lastUsedAt)})}`]})]}),!e.current&&i(`button`,{class:`btn small`,onClick:()=>void d(e.id),children:c(`endSession`)})]},e.id))}),n&&n.length>1&&i(`button`,{class:`btn wide`,onClick:()=>void g(),"data-testid":`end-others`,children:c(`endOthers`)}),s&&i(`p`,{class:`ok`,role:`status`,children:s})]})}export{g as MyAccount};